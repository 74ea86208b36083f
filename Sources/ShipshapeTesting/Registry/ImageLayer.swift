import Foundation

/// A one-file image layer made with `tar` and `gzip`, with fixed owner, mode and times so the same
/// text always gives the same digests.
struct ImageLayer {
    var uncompressed: Data
    var compressed: Data

    init(fileName: String, text: String, scratch: URL) throws {
        let folder = scratch.appending(path: "layer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appending(path: "content"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: folder.appending(path: "content/\(fileName)"))
        let archived = try ProcessRunner.tool(
            "tar",
            [
                "--format=ustar", "--sort=name", "--mtime=@0", "--owner=0", "--group=0",
                "--numeric-owner", "--mode=0644", "-cf", "layer.tar", "-C", "content", fileName,
            ],
            in: folder)
        let zipped = try ProcessRunner.tool("gzip", ["-n", "-k", "layer.tar"], in: folder)
        guard archived.status == 0, zipped.status == 0 else {
            throw FixtureError("could not make an image layer: \(archived.output) \(zipped.output)")
        }
        uncompressed = try Data(contentsOf: folder.appending(path: "layer.tar"))
        compressed = try Data(contentsOf: folder.appending(path: "layer.tar.gz"))
    }
}
