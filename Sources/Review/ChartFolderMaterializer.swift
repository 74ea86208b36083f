import Foundation
import GitKit

/// Chart folders of a revision written to a scratch folder, for Helm to load: a review reads Git
/// objects, never a checkout. Every file of the folder at that commit is written (templates,
/// helpers, schemas, subcharts); symbolic links and submodules are not.
final class ChartFolderMaterializer: Sendable {
    private let listFiles: @Sendable () throws -> [TreeFile]
    private let scratch: URL
    private let read: @Sendable (ObjectID) throws -> [UInt8]

    /// `files` lists the revision's files; asked only when a chart folder is needed.
    init(
        files: @escaping @Sendable () throws -> [TreeFile], scratch: URL,
        read: @escaping @Sendable (ObjectID) throws -> [UInt8]
    ) {
        self.listFiles = files
        self.scratch = scratch
        self.read = read
    }

    /// What one chart folder may hold, as Helm bounds a chart: 100 MiB in 10,000 files.
    static let byteLimit = 100 << 20, fileLimit = 10_000

    /// The folder on disk holding the revision's `folder`; a folder over the limits is refused.
    func folder(_ folder: String) throws -> URL {
        let target = scratch.appending(path: folder)
        if FileManager.default.fileExists(atPath: target.path) { return target }
        let files = try listFiles().filter { $0.isRegularFile && $0.path.hasPrefix(folder + "/") }
        guard files.count <= Self.fileLimit else {
            throw LimitError(folder: folder, reason: "holds more than \(Self.fileLimit) files")
        }
        var total = 0
        for file in files {
            let bytes = try read(file.blob)
            total += bytes.count
            guard total <= Self.byteLimit else {
                throw LimitError(folder: folder, reason: "holds more than \(Self.byteLimit >> 20) MiB")
            }
            let url = scratch.appending(path: file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return target
    }

    struct LimitError: Error, CustomStringConvertible {
        var folder: String
        var reason: String
        var description: String { "chart folder \(folder) \(reason); not rendered" }
    }
}
