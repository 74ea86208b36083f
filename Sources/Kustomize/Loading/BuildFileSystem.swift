import Manifests

#if canImport(Glibc)
    import Glibc
#endif

/// The files a build reads. Builds read through this seam so tests can hand in folders held in
/// memory and the review can hand in a Git tree.
package protocol BuildFileSystem: Sendable {
    /// The bytes of a regular file; throws when it is missing or a folder.
    func read(_ path: String) throws -> [UInt8]
    func isDirectory(_ path: String) -> Bool
    func fileExists(_ path: String) -> Bool
}

/// The machine's own files.
package struct LocalFileSystem: BuildFileSystem {
    package init() {}

    package func read(_ path: String) throws -> [UInt8] {
        do { return try FileContents.read(path) } catch {
            throw KustomizeError("cannot read \(path): \(error.reason)", at: nil)
        }
    }

    package func isDirectory(_ path: String) -> Bool { Self.kind(path) == S_IFDIR }
    package func fileExists(_ path: String) -> Bool { Self.kind(path) == S_IFREG }

    private static func kind(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}

/// Files held in memory: `[path: text]`; folders are the prefixes of the paths.
package struct MemoryFileSystem: BuildFileSystem {
    package var files: [String: [UInt8]]

    package init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    package func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw KustomizeError("cannot read \(path): no such file", at: nil) }
        return bytes
    }

    package func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    package func fileExists(_ path: String) -> Bool { files[path] != nil }
}

/// Lexical path arithmetic (no symbolic links followed), as kustomize's loader cleans paths.
enum BuildPath {
    static func join(_ folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return clean(relative) }
        return clean(folder.isEmpty ? relative : folder + "/" + relative)
    }

    static func clean(_ path: String) -> String {
        // Most paths are clean already: no `.` or empty component, no trailing slash.
        if !path.isEmpty, !path.hasPrefix("./"), path != ".", !path.hasSuffix("/"), !path.hasSuffix("/."),
            !path.hasSuffix("/.."),
            !ByteSearch.contains(text: path, "/./"), !ByteSearch.contains(text: path, "/../"),
            !ByteSearch.contains(text: path, "//"), !path.hasPrefix("../")
        {
            return path
        }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func base(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// True when `path` is `folder` or inside it.
    static func isWithin(_ path: String, _ folder: String) -> Bool {
        if folder == "." { return !path.hasPrefix("../") && path != ".." && !path.hasPrefix("/") }
        return path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
