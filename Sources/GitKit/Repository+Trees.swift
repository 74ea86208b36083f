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

extension Repository {
    /// Every file of the commit's tree, folders walked without a checkout.
    package func files(at commit: ObjectID) throws(GitError) -> [TreeFile] {
        try exclusive { () throws(GitError) -> [TreeFile] in
            let root = try tree(of: commit)
            defer { git2.git_tree_free(root) }
            var files: [TreeFile] = []
            try collect(root, prefix: "", into: &files)
            return files
        }
    }

    private func collect(_ tree: OpaquePointer, prefix: String, into files: inout [TreeFile]) throws(GitError) {
        for index in 0..<git2.git_tree_entrycount(tree) {
            guard let entry = git2.git_tree_entry_byindex(tree, index) else { continue }
            let name = FileName.string(fromCString: git2.git_tree_entry_name(entry)!)
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let id = ObjectID(git2.git_tree_entry_id(entry)!.pointee)
            let filemode = git2.git_tree_entry_filemode(entry)
            if filemode == GIT_FILEMODE_TREE {
                var subtree: OpaquePointer?
                var raw = id.raw
                try GitError.check(git2.git_tree_lookup(&subtree, pointer, &raw), "read the folder \(path)")
                defer { git2.git_tree_free(subtree) }
                if let subtree { try collect(subtree, prefix: path, into: &files) }
            } else if let mode = TreeFile.Mode(filemode) {
                files.append(TreeFile(path: path, blob: id, mode: mode))
            }
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

    /// A blob's bytes, read straight from the object database.
    package func contents(ofBlob id: ObjectID) throws(GitError) -> [UInt8] {
        try exclusive { () throws(GitError) -> [UInt8] in
            var raw = id.raw
            var blob: OpaquePointer?
            try GitError.check(git2.git_blob_lookup(&blob, pointer, &raw), "read the blob \(id.short)")
            defer { git2.git_blob_free(blob) }
            let size = Int(git2.git_blob_rawsize(blob))
            guard size > 0, let content = git2.git_blob_rawcontent(blob) else { return [] }
            return Array(UnsafeRawBufferPointer(start: content, count: size))
        }
    }
}
