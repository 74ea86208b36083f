internal import FileNames

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the manifest files under the paths a user named.
///
/// Walks with `opendir`/`readdir` rather than Foundation's URL enumerator, which spent more time
/// building URLs than the whole check spends parsing. Names are taken as the bytes they are
/// (see `FileName`): a name that is not UTF-8 is listed, opened and reported like any other.
package enum ManifestWalker {
    package static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Version-control folders, never walked. Other hidden folders are: GitOps repositories keep
    /// manifests in them (`.archive/`, `.flux/`).
    package static let skippedFolders: Set<String> = [".git", ".hg", ".svn"]

    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "\(FileName.escaped(path)): \(reason)" }
    }

    /// What a walk found, and what it had to leave out; one folder that cannot be listed does not
    /// stop the walk.
    package struct Listing: Sendable {
        package var files: [String] = []
        /// Folders that could not be listed: their files were not checked, which the run must say.
        package var unreadable: [Failure] = []
        /// Paths named on the command line that are not regular files (a FIFO, a device, a
        /// socket): reading them could block or never end, so they are left out with a note.
        package var skipped: [Failure] = []
    }

    /// Files named directly are taken whatever their extension; folders are walked for
    /// `.yaml`, `.yml` and `.json`, skipping version-control folders and not following symlinks.
    /// Each folder's files come sorted, so every run reports in the same order. Throws only when
    /// a named path does not exist (a usage error).
    package static func list(_ paths: [String]) throws(Failure) -> Listing {
        var listing = Listing()
        for path in paths {
            var info = stat()
            guard FileName.withCString(path, { stat($0, &info) }) == 0 else {
                let failure = Failure(
                    path: path,
                    reason: errno == ENOENT
                        ? "no such file or folder" : "cannot be read (\(String(cString: strerror(errno))))")
                if errno == ENOENT { throw failure }
                listing.unreadable.append(failure)
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(folder: path, prefix: path == "." ? "" : (path.hasSuffix("/") ? path : path + "/"), into: &listing)
            case S_IFREG: listing.files.append(path)
            default:
                listing.skipped.append(
                    Failure(
                        path: path,
                        reason: "is \(FileContents.describe(mode: info.st_mode)), not a regular file: skipped"))
            }
        }
        return listing
    }

    /// The files of `list`, throwing at the first folder that cannot be listed or path that is
    /// not a regular file (tests and tools that want all or nothing).
    package static func files(under paths: [String]) throws(Failure) -> [String] {
        let listing = try list(paths)
        if let failure = listing.unreadable.first ?? listing.skipped.first { throw failure }
        return listing.files
    }

    private static func walk(folder: String, prefix: String, into listing: inout Listing) {
        guard let directory = FileName.withCString(folder.isEmpty ? "." : folder, { opendir($0) }) else {
            listing.unreadable.append(
                Failure(
                    path: folder,
                    reason: "cannot list the folder (\(String(cString: strerror(errno)))), its files were not checked"))
            return
        }
        var files: [String] = []
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                FileName.string(fromBytes: buffer.prefix { $0 != 0 })
            }
            guard name != ".", name != ".." else { continue }
            switch kind(of: entry.pointee.d_type, path: prefix + name) {
            case .folder: if !skippedFolders.contains(name) { folders.append(name) }
            case .file: if hasManifestExtension(name) { files.append(name) }
            case .other: break
            }
        }
        closedir(directory)
        for name in files.sorted() { listing.files.append(prefix + name) }
        for name in folders.sorted() {
            walk(folder: prefix + name, prefix: prefix + name + "/", into: &listing)
        }
    }

    private enum EntryKind { case file, folder, other }

    /// Symbolic links are `other`: never followed, so a link cannot leave the tree or loop.
    /// FIFOs, devices and sockets inside folders are `other` too: never opened.
    private static func kind(of type: UInt8, path: String) -> EntryKind {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .folder
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard FileName.withCString(path, { lstat($0, &info) }) == 0 else { return .other }
            if info.st_mode & S_IFMT == S_IFREG { return .file }
            return info.st_mode & S_IFMT == S_IFDIR ? .folder : .other
        default: return .other
        }
    }

    /// A `.yaml`, `.yml` or `.json` file name (or path).
    package static func hasManifestExtension(_ name: String) -> Bool {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        return extensions.contains(name[name.utf8.index(after: dot)...].lowercased())
    }
}
