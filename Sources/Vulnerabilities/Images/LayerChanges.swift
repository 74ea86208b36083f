import Archives

/// What one image layer (a tar archive) changes: files added or replaced, paths removed by
/// whiteouts (`.wh.NAME`), folders made opaque (`.wh..wh..opq`: nothing below them from lower
/// layers remains). Cached by the layer's digest, so it holds only what a scan reads.
package struct LayerChanges: Sendable, Equatable, Codable {
    package var files: [String: RootFiles.Content] = [:]
    package var whiteouts: [String] = []
    package var opaqueDirectories: [String] = []

    package init() {}

    package init(tar: [UInt8]) throws(ArchiveError) {
        var reader = TarReader(tar)
        var kept: [String: RootFiles.Content] = [:]
        while let entry = try reader.next() {
            let path = RootFiles.normalized(entry.name)
            let (folder, name) = Self.split(path)
            if name == ".wh..wh..opq" {
                opaqueDirectories.append(folder)
                continue
            }
            if name.hasPrefix(".wh.") {
                whiteouts.append(folder.isEmpty ? String(name.dropFirst(4)) : folder + "/" + name.dropFirst(4))
                continue
            }
            switch entry.kind {
            case .file:
                kept[path] = Self.content(path: path, bytes: entry.contents)
            case .hardLink:
                // A hard link names a file earlier in the same layer.
                kept[path] = kept[RootFiles.normalized(entry.linkName)] ?? .other
            case .symbolicLink:
                kept[path] = .symbolicLink(entry.linkName)
            case .directory, .other:
                continue
            }
        }
        files = kept
    }

    static func content(path: String, bytes: ArraySlice<UInt8>) -> RootFiles.Content {
        if RootFiles.keepsBytes(path) { return .bytes(Array(bytes)) }
        if bytes.starts(with: [0x7f, 0x45, 0x4c, 0x46]), let info = GoBuildInfo(binary: Array(bytes)) {
            return .goBinary(info)
        }
        return .other
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}
