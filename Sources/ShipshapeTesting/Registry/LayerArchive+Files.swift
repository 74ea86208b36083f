import Foundation

extension LayerArchive {
    /// A gzip layer holding `files` (path below the root to text), written through a folder of its own.
    package init(files: [String: String]) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-layer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let file = folder.appending(path: path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        try self.init(folder: folder)
    }
}
