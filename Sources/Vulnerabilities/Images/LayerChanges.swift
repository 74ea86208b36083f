import Archives

/// What one image layer (a tar archive) changes: files added or replaced, paths removed by
/// whiteouts (`.wh.NAME`), folders made opaque (`.wh..wh..opq`: nothing below them from lower
/// layers remains). Cached by the layer's digest, so it holds only what a scan reads.
package struct LayerChanges: Sendable, Equatable, Codable {
    package var files: [String: RootFiles.Content] = [:]
    package var whiteouts: [String] = []
    package var opaqueDirectories: [String] = []

    package init() {}

    /// A whole layer's tar held in memory (as tests make them); registries' layers are read as
    /// they arrive by `LayerStream`, through the same `LayerChanges.Reader`.
    package init(tar: [UInt8]) throws(ArchiveError) {
        var stream = TarStream()
        var reader = Reader(keptFileLimit: tar.count)
        try ArchiveError.rethrowing { try tar.withUnsafeBytes { try stream.feed($0, into: &reader) } }
        try stream.finish()
        self = reader.changes
    }

    static func content(path: String, bytes: [UInt8]) -> RootFiles.Content {
        if RootFiles.keepsBytes(path) { return .bytes(bytes) }
        if bytes.starts(with: Reader.elfMagic), let info = GoBuildInfo(binary: bytes) {
            return .goBinary(info)
        }
        return .other
    }

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}
