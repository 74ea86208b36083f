internal import CGit2

extension ObjectID {
    /// The id Git gives a blob holding `bytes` (as `git hash-object`), computed without writing
    /// anything: whether a tree already holds these exact contents is a comparison of ids.
    package static func blob(hashing bytes: [UInt8]) throws(GitError) -> ObjectID {
        try GitLibrary.load()
        var id = git_oid()
        _ = bytes.withUnsafeBytes { git2.git_odb_hash(&id, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        return ObjectID(id)
    }
}
