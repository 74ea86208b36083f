/// The files of an image (its layers applied) or of an unpacked root that a package inventory
/// reads: package databases and os-release as bytes, Go binaries as their build information,
/// links as their targets; every other file only as present (so a later layer's file still
/// replaces a Go binary of an earlier one). Paths are relative to the root, without `./` or `/`.
package struct RootFiles: Sendable, Equatable {
    package enum Content: Sendable, Hashable {
        case bytes([UInt8])
        case goBinary(GoBuildInfo)
        case symbolicLink(String)
        case other
    }

    package var files: [String: Content] = [:]

    package init(files: [String: Content] = [:]) { self.files = files }

    /// Files whose bytes are kept: what the package databases are read from.
    package static func keepsBytes(_ path: String) -> Bool {
        OSRelease.paths.contains(path) || DpkgDatabase.isDatabase(path) || path == ApkDatabase.path
            || RPMDatabase.paths.contains { path == $0 || path == $0 + "-wal" }
    }

    /// Applies one layer on top: its whiteouts and opaque directories remove what lower layers
    /// had, then its files are added (OCI image spec, "Representing Changes").
    /// One pass over the files, each checked against its own path and its folders', so a layer
    /// of many whiteouts costs the files times their depth, not the files times the whiteouts.
    package mutating func apply(_ layer: LayerChanges) {
        let removed = Set(layer.whiteouts)
        let emptied = Set(layer.opaqueDirectories)
        if !removed.isEmpty || !emptied.isEmpty {
            files = files.filter { path, _ in
                if removed.contains(path) || emptied.contains("") { return false }
                var folder = Substring(path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    if removed.contains(String(folder)) || emptied.contains(String(folder)) { return false }
                }
                return true
            }
        }
        for (path, content) in layer.files { files[path] = content }
    }

    /// The content at `path`, following symbolic links (relative or absolute, at most 16) in
    /// the path's last component and its folders.
    package func content(at path: String) -> Content? {
        var current = path
        for _ in 0..<16 {
            guard let (resolved, content) = step(current) else { return nil }
            guard case .symbolicLink = content else { return content }
            current = resolved
        }
        return nil
    }

    /// The first link on the way to `path` replaced by its target, or the content found.
    private func step(_ path: String) -> (String, Content)? {
        let components = path.split(separator: "/").map(String.init)
        for index in components.indices {
            let prefix = components[...index].joined(separator: "/")
            guard case .symbolicLink(let target)? = files[prefix] else { continue }
            let folder = components[..<index]
            let base = target.hasPrefix("/") ? [] : Array(folder)
            let joined = Self.normalized(
                (base + target.split(separator: "/").map(String.init) + components[(index + 1)...]).joined(
                    separator: "/"))
            return (joined, .symbolicLink(target))
        }
        return files[path].map { (path, $0) }
    }

    /// Removes `.` and empty components and applies `..` (never above the root).
    static func normalized(_ path: String) -> String {
        var stack: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            if component == ".." { _ = stack.popLast() } else { stack.append(component) }
        }
        return stack.joined(separator: "/")
    }

    /// The bytes of a database file, following links; nil when absent or not kept.
    package func bytes(at path: String) -> [UInt8]? {
        guard case .bytes(let bytes)? = content(at: path) else { return nil }
        return bytes
    }
}
