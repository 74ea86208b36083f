internal import CGit2
internal import FileNames

/// A file in a tree: its path, blob and mode. Symlinks and submodules are listed with their
/// mode so callers can see them, but their targets are never read.
package struct TreeFile: Sendable, Hashable {
    package enum Mode: Sendable, Hashable {
        case regular, executable, symlink, submodule
    }

    package var path: String
    package var blob: ObjectID
    package var mode: Mode

    package var isRegularFile: Bool { mode == .regular || mode == .executable }
}

extension TreeFile.Mode {
    /// A tree entry's mode; nil for a folder.
    init?(_ filemode: git_filemode_t) {
        switch filemode {
        case GIT_FILEMODE_BLOB: self = .regular
        case GIT_FILEMODE_BLOB_EXECUTABLE: self = .executable
        case GIT_FILEMODE_LINK: self = .symlink
        case GIT_FILEMODE_COMMIT: self = .submodule
        default: return nil
        }
    }
}

/// How much a commit's tree may hold before reading it is refused. Trees come from pull requests,
/// and Git names objects by content: a few kilobytes can name one folder from ten places, each of
/// which names another from ten, and so on (a "git bomb", billions of paths); and nothing in the
/// format bounds how deep folders nest.
package struct TreeLimits: Sendable {
    /// Files and folders listed, all together.
    package var entries: Int
    /// Folders within folders; Git's own `core.maxTreeDepth` is 4,096.
    package var depth: Int

    package init(entries: Int, depth: Int) {
        self.entries = entries
        self.depth = depth
    }

    /// Ten times the files of the largest configuration repositories we know of.
    package static let standard = TreeLimits(entries: 1_000_000, depth: 4_096)
}

extension Repository {
    /// Every file of the commit's tree, folders walked without a checkout (in the tree's order, each
    /// folder's files where the folder is), within `TreeLimits.standard`.
    package func files(at commit: ObjectID) throws(GitError) -> [TreeFile] {
        try files(at: commit, limits: .standard)
    }

    /// The walk keeps its own stack of open folders rather than recursing, so a deep tree costs no
    /// thread stack; a limit reached is an error naming the commit, with what was listed dropped.
    func files(at commit: ObjectID, limits: TreeLimits) throws(GitError) -> [TreeFile] {
        try exclusive { () throws(GitError) -> [TreeFile] in
            let operation = "list the files of \(commit.short)"
            // Each open folder is owned here: freed when its last entry is read, or on the way out.
            var folders: [(tree: OpaquePointer, path: String, next: Int)] = [(try tree(of: commit), "", 0)]
            defer { for folder in folders { git2.git_tree_free(folder.tree) } }
            var files: [TreeFile] = []
            var entries = 0
            while let folder = folders.last {
                guard folder.next < git2.git_tree_entrycount(folder.tree) else {
                    git2.git_tree_free(folder.tree)
                    folders.removeLast()
                    continue
                }
                folders[folders.count - 1].next += 1
                guard let entry = git2.git_tree_entry_byindex(folder.tree, folder.next) else { continue }
                entries += 1
                guard entries <= limits.entries else {
                    throw GitError(
                        kind: .tooLarge, operation: operation,
                        message: "the tree names more than \(limits.entries) files and folders (one folder named"
                            + " from many places?): not read")
                }
                let name = FileName.string(fromCString: git2.git_tree_entry_name(entry)!)
                let path = folder.path.isEmpty ? name : folder.path + "/" + name
                let id = ObjectID(git2.git_tree_entry_id(entry)!.pointee)
                let filemode = git2.git_tree_entry_filemode(entry)
                if filemode == GIT_FILEMODE_TREE {
                    guard folders.count <= limits.depth else {
                        throw GitError(
                            kind: .tooLarge, operation: operation,
                            message: "the folder \(path.prefix(200)) is nested more than \(limits.depth) folders"
                                + " deep: not read")
                    }
                    var subtree: OpaquePointer?
                    var raw = id.raw
                    try GitError.check(git2.git_tree_lookup(&subtree, pointer, &raw), "read the folder \(path)")
                    if let subtree { folders.append((subtree, path, 0)) }
                } else if let mode = TreeFile.Mode(filemode) {
                    files.append(TreeFile(path: path, blob: id, mode: mode))
                }
            }
            return files
        }
    }

    /// The tree entry at `path` in the commit (a file, symlink or submodule), or nil.
    package func file(_ path: String, at commit: ObjectID) throws(GitError) -> TreeFile? {
        try exclusive { () throws(GitError) -> TreeFile? in
            let root = try tree(of: commit)
            defer { git2.git_tree_free(root) }
            var entry: OpaquePointer?
            let code = FileName.withCString(path) { git2.git_tree_entry_bypath(&entry, root, $0) }
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try GitError.check(code, "find \(path) at \(commit.short)")
            defer { git2.git_tree_entry_free(entry) }
            guard let mode = TreeFile.Mode(git2.git_tree_entry_filemode(entry)) else { return nil }
            return TreeFile(path: path, blob: ObjectID(git2.git_tree_entry_id(entry)!.pointee), mode: mode)
        }
    }

    /// The content of the file at `path` in the commit, or nil when there is no such file.
    /// A symlink or submodule at that path is refused: its target is never followed.
    package func contents(of path: String, at commit: ObjectID) throws(GitError) -> [UInt8]? {
        try exclusive { () throws(GitError) -> [UInt8]? in
            guard let file = try file(path, at: commit) else { return nil }
            guard file.isRegularFile else {
                throw GitError(
                    kind: .notFound, operation: "read \(path) at \(commit.short)",
                    message: "not a regular file (symlinks and submodules are never followed)")
            }
            return try contents(ofBlob: file.blob)
        }
    }

    /// The largest blob read, in bytes: as large as a manifest file may be (`YAMLLimits.standard`).
    /// Git stores blobs compressed, so a pull request of a few megabytes can hold a file of
    /// gigabytes of zeros; its size is read from the object's header before anything is inflated.
    package static let maximumBlobBytes = 64 << 20

    /// A blob's bytes, read straight from the object database, refused past `maximumBlobBytes`.
    package func contents(ofBlob id: ObjectID) throws(GitError) -> [UInt8] {
        try contents(ofBlob: id, maximumBytes: Self.maximumBlobBytes)
    }

    func contents(ofBlob id: ObjectID, maximumBytes: Int) throws(GitError) -> [UInt8] {
        try exclusive { () throws(GitError) -> [UInt8] in
            let operation = "read the blob \(id.short)"
            var raw = id.raw
            var database: OpaquePointer?
            try GitError.check(git2.git_repository_odb(&database, pointer), operation)
            defer { git2.git_odb_free(database) }
            var declared = 0
            var type = GIT_OBJECT_ANY
            try GitError.check(git2.git_odb_read_header(&declared, &type, database, &raw), operation)
            guard declared <= maximumBytes else {
                throw GitError(
                    kind: .tooLarge, operation: operation,
                    message: "it is \(declared) bytes, over the limit of \(maximumBytes) bytes: not read")
            }
            var blob: OpaquePointer?
            try GitError.check(git2.git_blob_lookup(&blob, pointer, &raw), operation)
            defer { git2.git_blob_free(blob) }
            let size = Int(git2.git_blob_rawsize(blob))
            guard size > 0, let content = git2.git_blob_rawcontent(blob) else { return [] }
            return Array(UnsafeRawBufferPointer(start: content, count: size))
        }
    }
}
