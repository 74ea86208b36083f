import Foundation

/// A running `docker-registry serve`, its access log (stdout) and its application log (stderr)
/// in files of the fixture's folder.
final class RegistryProcess {
    let port: Int
    let accessLog: URL
    let applicationLog: URL
    private let process: Process

    private init(port: Int, accessLog: URL, applicationLog: URL, process: Process) {
        self.port = port
        self.accessLog = accessLog
        self.applicationLog = applicationLog
        self.process = process
    }

    deinit { stop() }

    /// Starts the registry on a free loopback port. The port is free when asked for but may be taken
    /// before the registry binds it (by a server of a test running alongside): then the registry
    /// exits, and another port is tried.
    static func start(in folder: URL, configuration: (Int) -> RegistryConfiguration) throws -> RegistryProcess {
        var lastLog = ""
        for attempt in 1...5 {
            let port = try freePort()
            let configFile = folder.appending(path: "config-\(attempt).yml")
            try Data(configuration(port).yaml.utf8).write(to: configFile)
            let accessLog = folder.appending(path: "access-\(attempt).log")
            let applicationLog = folder.appending(path: "registry-\(attempt).log")
            let process = try launch(configFile: configFile, accessLog: accessLog, applicationLog: applicationLog)
            let registry = RegistryProcess(
                port: port, accessLog: accessLog, applicationLog: applicationLog, process: process)
            if registry.waitUntilListening() { return registry }
            registry.stop()
            lastLog = (try? String(contentsOf: applicationLog, encoding: .utf8)) ?? ""
        }
        throw FixtureError("docker-registry did not start listening; its last log:\n\(lastLog.suffix(2000))")
    }

    /// Stops the registry (SIGTERM, then SIGKILL after two seconds). Calling it again does nothing.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<40 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private static func launch(configFile: URL, accessLog: URL, applicationLog: URL) throws -> Process {
        try Data().write(to: accessLog)
        try Data().write(to: applicationLog)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/docker-registry")
        process.arguments = ["serve", configFile.path]
        process.standardInput = FileHandle.nullDevice
        let output = try FileHandle(forWritingTo: accessLog)
        let errors = try FileHandle(forWritingTo: applicationLog)
        defer {
            try? output.close()
            try? errors.close()
        }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return process
    }

    /// True once the registry says it listens and a connection gets through; false when it exits
    /// first (port taken) or stays silent for ten seconds.
    private func waitUntilListening() -> Bool {
        for _ in 0..<200 {
            guard process.isRunning else { return false }
            let log = (try? String(contentsOf: applicationLog, encoding: .utf8)) ?? ""
            if log.contains("listening on 127.0.0.1:\(port)"), canConnect(port: port) {
                usleep(20_000)
                return process.isRunning
            }
            usleep(50_000)
        }
        return false
    }
}
