import Foundation

/// A scratch folder with real Git repositories, made with the `git` command line, and the
/// servers that serve them on loopback. Tests call `shutdown()` in a `defer`: that also keeps
/// the fixture (and its servers) alive until the test's end. `@unchecked Sendable`: `servers`
/// changes only when a test starts a server or shuts the fixture down, in sequence on its own task.
package final class GitFixture: @unchecked Sendable {
    package let root: URL
    private var servers: [Process] = []

    package init() throws {
        root = FileManager.default.temporaryDirectory.appending(path: "shipshape-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Kills the servers without waiting for them: tests call this from a `defer` on Swift's shared
    /// pool, and a wait there (it was up to 2 s a server, polling `isRunning`) held both of the
    /// pool's threads at once in a full run, stalling every other test for minutes.
    package func shutdown() {
        for server in servers where server.isRunning {
            kill(server.processIdentifier, SIGKILL)
        }
        servers.removeAll()
        try? FileManager.default.removeItem(at: root)
    }

    package func path(_ relative: String) -> String { root.appending(path: relative).path }

    /// Runs git with a fixed identity and clock; returns its output, throws on failure.
    @discardableResult
    package func git(_ arguments: String..., in folder: String? = nil) throws -> String {
        try run("git", arguments, in: folder ?? root.path)
    }

    @discardableResult
    package func run(_ tool: String, _ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Test"
        environment["GIT_AUTHOR_EMAIL"] = "test@example.com"
        environment["GIT_COMMITTER_NAME"] = "Test"
        environment["GIT_COMMITTER_EMAIL"] = "test@example.com"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        // A fixed clock makes commit ids the same on every run, so outputs can be golden files.
        environment["GIT_AUTHOR_DATE"] = "2026-01-01T00:00:00Z"
        environment["GIT_COMMITTER_DATE"] = "2026-01-01T00:00:00Z"
        environment["HOME"] = root.path
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Both pipes drain at once: read to its end one after the other, a tool that fills the
        // second's buffer (64 KiB of messages) waits for a reader that never comes.
        let errorReader = PipeDrain(errors)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorReader.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(
                "\(tool) \(arguments.joined(separator: " ")) failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A bare "upstream" repository under `served/`, and a work clone beside it to make commits with.
    package func makeUpstream(_ name: String) throws -> (bare: String, work: String) {
        let bare = path("served/\(name).git")
        let work = path("work/\(name)")
        try FileManager.default.createDirectory(atPath: bare, withIntermediateDirectories: true)
        try git("init", "--bare", "--initial-branch=main", bare)
        try git("init", "--initial-branch=main", work)
        try git("remote", "add", "origin", bare, in: work)
        return (bare, work)
    }

    package func write(_ text: String, to relative: String, in work: String) throws {
        let url = URL(fileURLWithPath: work).appending(path: relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Commits everything in the work tree and pushes `main` (plus any extra refspecs).
    @discardableResult
    package func commitAndPush(_ work: String, message: String, refspecs: [String] = ["main"]) throws -> String {
        try git("add", "-A", in: work)
        try git("commit", "-q", "-m", message, in: work)
        for refspec in refspecs { try git("push", "-q", "--force", "origin", refspec, in: work) }
        return try git("rev-parse", "HEAD", in: work)
    }

    /// `git daemon` serving `served/` on a free loopback port, pushes allowed.
    package func startDaemon() throws -> String {
        // git-daemon itself, not the `git` wrapper, so that stopping it stops the server.
        let daemon = try git("--exec-path") + "/git-daemon"
        // The port is free when asked for but may be taken before the daemon binds it (by a server of
        // a test running alongside): then the daemon exits, and another port is tried.
        for _ in 0..<5 {
            let port = try freePort()
            let process = try launch(
                daemon,
                [
                    "--reuseaddr", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1",
                    "--port=\(port)", "--base-path=\(path("served"))", path("served"),
                ])
            for _ in 0..<100 where process.isRunning && !canConnect(port: port) { usleep(50_000) }
            usleep(20_000)
            if process.isRunning, canConnect(port: port) { return "git://127.0.0.1:\(port)" }
            process.terminate()
        }
        throw FixtureError("git daemon did not start listening")
    }

    /// `git http-backend` behind basic auth (user `x-access-token` unless given, the given token),
    /// on a port the server takes itself and reports ("ready PORT"), so no other server can hold it.
    package func startHTTPServer(token: String, user: String = "x-access-token") throws -> String {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "git-http-server.py")
            .path
        let output = Pipe()
        let process = try launch("python3", [script, path("served"), "0", user, token], output: output)
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard process.isRunning, words.count == 2, words[0] == "ready", let port = Int(words[1]) else {
            throw FixtureError("git-http-server.py did not start: \(String(decoding: line, as: UTF8.self))")
        }
        return "http://127.0.0.1:\(port)"
    }

    private func launch(_ tool: String, _ arguments: [String], output: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        servers.append(process)
        return process
    }
}

package struct FixtureError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}

/// A port the kernel has just handed out, free for a server to take.
package func freePort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
        }
    }
    guard bound else { throw FixtureError("no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}

package func canConnect(port: Int) -> Bool {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}

/// A pipe read to its end on a thread of its own.
private final class PipeDrain: @unchecked Sendable {
    // Written by the thread before it signals `done`, read only after `wait` has seen the signal.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
