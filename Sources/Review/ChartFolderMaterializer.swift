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
    init(files: @escaping @Sendable () throws -> [TreeFile], scratch: URL, read: @escaping @Sendable (ObjectID) throws -> [UInt8]) {
        self.listFiles = files
        self.scratch = scratch
        self.read = read
    }

    /// The folder on disk holding the revision's `folder`.
    func folder(_ folder: String) throws -> URL {
        let target = scratch.appending(path: folder)
        if FileManager.default.fileExists(atPath: target.path) { return target }
        for file in try listFiles() where file.isRegularFile && file.path.hasPrefix(folder + "/") {
            let url = scratch.appending(path: file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(read(file.blob)).write(to: url)
        }
        return target
    }
}
