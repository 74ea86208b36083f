import Foundation

/// Runs a command to its end and returns its exit status and its output (stdout and stderr together).
package enum ProcessRunner {
    @discardableResult
    package static func run(
        _ executable: URL, _ arguments: [String], in folder: URL? = nil,
        environment: [String: String]? = nil
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `run` on a thread of its own, for async tests: the wait never holds a thread of Swift's shared pool.
    package static func runOnThread(
        _ executable: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil
    ) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result { try run(executable, arguments, in: folder, environment: environment) })
            }.start()
        }
    }

    /// A tool found on PATH.
    @discardableResult
    package static func tool(_ name: String, _ arguments: [String], in folder: URL? = nil) throws -> (
        status: Int32, output: String
    ) {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: folder)
    }
}
