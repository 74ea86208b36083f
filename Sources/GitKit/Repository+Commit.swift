internal import CGit2
internal import FileNames

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Who a commit is by, and when.
package struct Signature: Sendable {
    package var name: String
    package var email: String
    /// Seconds since 1970; nil means now.
    package var time: Int64?

    package init(name: String, email: String, time: Int64? = nil) {
        self.name = name
        self.email = email
        self.time = time
    }
}

extension Repository {
    /// Builds a commit on top of `parent` that sets each path to the given bytes (nil deletes
    /// it), entirely in the object database: no work tree, no index, no ref moved.
    package func commit(
        onTopOf parent: ObjectID, changes: [String: [UInt8]?], message: String,
        author: Signature, committer: Signature? = nil
    ) throws(GitError) -> ObjectID {
        try exclusive { () throws(GitError) -> ObjectID in
            let operation = "commit \(changes.count) file(s) on \(parent.short)"
            let baseTree = try tree(of: parent)
            defer { git2.git_tree_free(baseTree) }

            var updates: [(path: String, id: git_oid, remove: Bool, mode: git_filemode_t)] = []
            for (path, content) in changes.sorted(by: { $0.key < $1.key }) {
                var id = git_oid()
                if let content {
                    try GitError.check(
                        content.withUnsafeBytes {
                            git2.git_blob_create_from_buffer(&id, pointer, $0.baseAddress, $0.count)
                        },
                        "\(operation): store \(path)")
                }
                updates.append((path, id, content == nil, try keptMode(of: path, in: baseTree, operation)))
            }
            var treeID = git_oid()
            try GitError.check(
                withTreeUpdates(updates) { raw in
                    git2.git_tree_create_updated(&treeID, pointer, baseTree, raw.count, raw.baseAddress)
                }, "\(operation): build the tree")

            var newTree: OpaquePointer?
            try GitError.check(git2.git_tree_lookup(&newTree, pointer, &treeID), operation)
            defer { git2.git_tree_free(newTree) }
            var parentID = parent.raw
            var parentCommit: OpaquePointer?
            try GitError.check(git2.git_commit_lookup(&parentCommit, pointer, &parentID), operation)
            defer { git2.git_commit_free(parentCommit) }

            let authorSignature = try makeSignature(author, operation)
            defer { git2.git_signature_free(authorSignature) }
            let committerSignature = try makeSignature(committer ?? author, operation)
            defer { git2.git_signature_free(committerSignature) }

            var commitID = git_oid()
            var parents: [OpaquePointer?] = [parentCommit]
            try GitError.check(
                git2.git_commit_create(
                    &commitID, pointer, nil, authorSignature, committerSignature, nil, message, newTree, 1, &parents),
                "\(operation): write the commit")
            return ObjectID(commitID)
        }
    }

    /// Points the local ref `name` at `id` (creating or moving it).
    package func setReference(_ name: String, to id: ObjectID) throws(GitError) {
        try exclusive { () throws(GitError) -> Void in
            var raw = id.raw
            var reference: OpaquePointer?
            try GitError.check(
                git2.git_reference_create(&reference, pointer, name, &raw, 1, "shipshape"), "set \(name) to \(id.short)"
            )
            git2.git_reference_free(reference)
        }
    }

    private func makeSignature(_ signature: Signature, _ operation: String) throws(GitError) -> UnsafeMutablePointer<
        git_signature
    >? {
        var result: UnsafeMutablePointer<git_signature>?
        if let time = signature.time {
            try GitError.check(
                git2.git_signature_new(&result, signature.name, signature.email, git_time_t(time), 0),
                "\(operation): signature")
        } else {
            try GitError.check(
                git2.git_signature_now(&result, signature.name, signature.email), "\(operation): signature")
        }
        return result
    }

    /// The mode a file written at `path` gets: executable when the file there was (a fix edits the
    /// text, never the mode the change showed), else a regular file.
    private func keptMode(of path: String, in tree: OpaquePointer, _ operation: String) throws(GitError)
        -> git_filemode_t
    {
        var entry: OpaquePointer?
        let code = FileName.withCString(path) { git2.git_tree_entry_bypath(&entry, tree, $0) }
        if code == GIT_ENOTFOUND.rawValue { return GIT_FILEMODE_BLOB }
        try GitError.check(code, "\(operation): find \(path)")
        defer { git2.git_tree_entry_free(entry) }
        return git2.git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE
            ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB
    }

    /// Builds the C array of tree updates, keeping the path strings alive while libgit2 reads them.
    private func withTreeUpdates(
        _ updates: [(path: String, id: git_oid, remove: Bool, mode: git_filemode_t)],
        _ body: (UnsafeBufferPointer<git_tree_update>) -> Int32
    ) -> Int32 {
        let paths = updates.map { update in FileName.withCString(update.path) { strdup($0) } }
        defer { for path in paths { free(path) } }
        let raw = updates.enumerated().map { index, update in
            git_tree_update(
                action: update.remove ? GIT_TREE_UPDATE_REMOVE : GIT_TREE_UPDATE_UPSERT,
                id: update.id, filemode: update.mode, path: UnsafePointer(paths[index]))
        }
        return raw.withUnsafeBufferPointer(body)
    }
}
