#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the manifest files under the paths a user named.
///
/// Walks with `opendir`/`readdir` rather than Foundation's URL enumerator, which spent more time
/// building URLs than the whole check spends parsing.
public enum ManifestWalker {
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Version-control folders, never walked. Other hidden folders are: GitOps repositories keep
    /// manifests in them (`.archive/`, `.flux/`).
    public static let skippedFolders: Set<String> = [".git", ".hg", ".svn"]

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Files named directly are taken whatever their extension; folders are walked for
    /// `.yaml`, `.yml` and `.json`, skipping version-control folders and not following symlinks.
    /// Each folder's files come sorted, so every run reports in the same order.
    public static func files(under paths: [String]) throws(Failure) -> [String] {
        var found: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw Failure(path: path, reason: errno == ENOENT ? "no such file or folder" : "cannot be read (\(String(cString: strerror(errno))))")
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                try walk(folder: path, prefix: path == "." ? "" : (path.hasSuffix("/") ? path : path + "/"), into: &found)
            } else {
                found.append(path)
            }
        }
        return found
    }

    private static func walk(folder: String, prefix: String, into found: inout [String]) throws(Failure) {
        guard let directory = opendir(folder.isEmpty ? "." : folder) else {
            throw Failure(path: folder, reason: "cannot list the folder (\(String(cString: strerror(errno))))")
        }
        var files: [String] = [], folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            switch kind(of: entry.pointee.d_type, path: prefix + name) {
            case .folder: if !skippedFolders.contains(name) { folders.append(name) }
            case .file: if hasManifestExtension(name) { files.append(name) }
            case .other: break
            }
        }
        closedir(directory)
        for name in files.sorted() { found.append(prefix + name) }
        for name in folders.sorted() {
            try walk(folder: prefix + name, prefix: prefix + name + "/", into: &found)
        }
    }

    private enum EntryKind { case file, folder, other }

    /// Symbolic links are `other`: never followed, so a link cannot leave the tree or loop.
    private static func kind(of type: UInt8, path: String) -> EntryKind {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .folder
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            if info.st_mode & S_IFMT == S_IFREG { return .file }
            return info.st_mode & S_IFMT == S_IFDIR ? .folder : .other
        default: return .other
        }
    }

    /// A `.yaml`, `.yml` or `.json` file name (or path).
    public static func hasManifestExtension(_ name: String) -> Bool {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        return extensions.contains(name[name.utf8.index(after: dot)...].lowercased())
    }
}
