import Foundation

/// Runs the system `tar`: Foundation on Linux has no gzip or tar reader, and every machine that
/// runs Helm has a `tar` that knows `-z`.
struct TarCommand {
    /// A scratch folder for tar's error output, which goes to a file rather than a pipe so that
    /// many warnings cannot fill the pipe while we wait for the listing.
    var scratch: URL

    /// The member names of a `.tgz`, one per entry, as `tar -t` prints them.
    func list(_ archive: URL) throws -> [String] {
        let output = try run(["-tzf", archive.path])
        return output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// Unpacks into `folder` without the archive's owners or permissions, so a chart packed by
    /// root or with read-only folders can still be read and removed.
    func extract(_ archive: URL, into folder: URL) throws {
        _ = try run(["--no-same-owner", "--no-same-permissions", "-xzf", archive.path, "-C", folder.path])
    }

    /// Refuses an archive whose entries add up to more than `limit` bytes, by the sizes `tar -tv`
    /// lists, before anything is unpacked.
    func requireUnpackedSize(of archive: URL, atMost limit: Int) throws {
        var total = 0
        for line in try run(["-tvzf", archive.path]).split(separator: "\n") {
            // GNU tar: `-rw-r--r-- owner/group SIZE DATE TIME NAME`.
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 3, let size = Int(fields[2]) else { continue }
            total += size
            if total > limit { throw ChartArchiveError(reason: "the archive unpacks to more than \(limit >> 20) MiB; refused") }
        }
    }

    private func run(_ arguments: [String]) throws -> String {
        let errorFile = scratch.appending(path: "tar-errors-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil),
              let errorHandle = FileHandle(forWritingAtPath: errorFile.path) else {
            throw ChartArchiveError(reason: "could not create \(errorFile.path) for tar's messages")
        }
        defer { try? errorHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        do {
            try process.run()
        } catch {
            throw ChartArchiveError(reason: "could not start `tar \(arguments.joined(separator: " "))`: \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = ((try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw ChartArchiveError(reason: "`tar \(arguments.joined(separator: " "))` exited with status \(process.terminationStatus)"
                + (message.isEmpty ? " (is it a gzipped tar archive?)" : ": \(message)"))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
