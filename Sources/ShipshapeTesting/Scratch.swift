import Foundation

/// A fresh folder under the temporary directory, removed by `remove()`.
package struct Scratch {
    package let url: URL

    package init(_ name: String = "vulnerabilities") throws {
        url = FileManager.default.temporaryDirectory.appending(path: "shipshape-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` at `path` below the folder, making the folders between.
    @discardableResult
    package func write(_ path: String, _ bytes: some Sequence<UInt8>) throws -> URL {
        let file = url.appending(path: path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    package func write(_ path: String, text: String) throws { try write(path, Array(text.utf8)) }

    package func remove() { try? FileManager.default.removeItem(at: url) }
}
