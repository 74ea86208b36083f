import Foundation
import ShipshapeTesting

/// An unpacked image's root filesystem, made to look as a container runtime makes it (a /proc
/// mounted, the usual /dev nodes), for running its programs with `chroot` as root.
struct ContainerRoot {
    let folder: URL

    /// What runc gives every container in /dev: null, zero, full, random, urandom (char 1:N).
    static let deviceNodes: [(name: String, minor: Int)] = [
        ("null", 3), ("zero", 5), ("full", 7), ("random", 8), ("urandom", 9),
    ]

    func prepare() throws {
        try FileManager.default.createDirectory(at: folder.appending(path: "proc"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appending(path: "dev"), withIntermediateDirectories: true)
        for node in Self.deviceNodes {
            try Self.expectSuccess(
                ProcessRunner.tool(
                    "mknod", ["-m", "666", folder.appending(path: "dev/\(node.name)").path, "c", "1", "\(node.minor)"]),
                "mknod")
        }
        // Swift reads its arguments from /proc/self/cmdline; every runtime mounts /proc.
        try Self.expectSuccess(
            ProcessRunner.tool("mount", ["-t", "proc", "proc", folder.appending(path: "proc").path]), "mount /proc")
    }

    func tearDown() {
        _ = try? ProcessRunner.tool("umount", [folder.appending(path: "proc").path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `arguments` inside the root as the image's user, with only `environment`.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/sbin/chroot"), ["--userspec=10001:10001", folder.path] + arguments,
            environment: environment)
    }

    /// Starts `arguments` inside the root and leaves it running; its output goes to `log`.
    func start(_ arguments: [String], environment: [String: String], log: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/chroot")
        process.arguments = ["--userspec=10001:10001", folder.path] + arguments
        process.environment = environment
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    static func expectSuccess(_ result: (status: Int32, output: String), _ what: String) throws {
        guard result.status == 0 else { throw FixtureError("\(what) failed (\(result.status)): \(result.output)") }
    }
}
