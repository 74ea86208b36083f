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
        isClean(path) ? path : normalized(path)
    }

    /// `path` cleaned part by part (for the paths not clean already). Parts are split on the
    /// bytes of an ASCII path, where a byte is a character.
    static func normalized(_ path: String) -> String {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return normalizedByCharacters(path) }
        let absolute = path.utf8.first == UInt8(ascii: "/")
        var parts: [Substring] = []
        for bytes in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            let dots = bytes.allSatisfy { $0 == UInt8(ascii: ".") } ? bytes.count : 0
            if dots == 1 { continue }
            if dots == 2, let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if dots == 2, absolute { continue }
            parts.append(Substring(bytes))
        }
        return joined(parts, absolute: absolute)
    }

    /// `path` cleaned part by part on characters, where a slash followed by a combining mark is
    /// no slash.
    static func normalizedByCharacters(_ path: String) -> String {
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
        return joined(parts, absolute: absolute)
    }

    private static func joined(_ parts: [Substring], absolute: Bool) -> String {
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Whether `clean` would give `path` back: no empty part but a leading slash's, no `.` part,
    /// no `..` part unless the path is `..` itself. Most paths are clean already; one pass over
    /// the bytes answers (a `/`, `.` or empty part in bytes is one in characters too, and the
    /// few bytes-only cases, a combining mark after a slash, take the careful way to the same
    /// answer).
    static func isClean(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var length = 0  // bytes of the current part
        var dots = 0  // its bytes while all are dots
        var parts = 0
        var count = 0
        for byte in path.utf8 {
            count += 1
            if byte == slash {
                // An empty part is allowed only before a leading slash.
                if length == 0 && count != 1 { return false }
                if length > 0 && length == dots && dots <= 2 { return false }
                parts += 1
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == dot { dots += 1 }
            }
        }
        if length == 0 { return false }  // empty, or a trailing slash
        if length == dots {
            if dots == 1 { return false }
            if dots == 2 && parts > 0 { return false }
        }
        return true
    }

    static func folder(of path: String) -> String {
        guard let slash = ByteSearch.lastIndex(of: "/", in: path) else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func base(of path: String) -> String {
        guard let slash = ByteSearch.lastIndex(of: "/", in: path) else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// True when `path` is `folder` or inside it.
    static func isWithin(_ path: String, _ folder: String) -> Bool {
        if folder == "." { return !path.hasPrefix("../") && path != ".." && !path.hasPrefix("/") }
        return path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
