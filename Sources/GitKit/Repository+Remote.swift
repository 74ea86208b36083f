internal import CGit2

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// How much a fetch brought in: a second fetch of an unchanged remote receives no objects.
package struct FetchStatistics: Sendable, Hashable {
    package var receivedObjects: Int
    package var receivedBytes: Int
    package var totalObjects: Int
    package var localObjects: Int
}

extension Repository {
    /// What a mirror fetches of any remote: branches and tags. Where a forge keeps pull
    /// requests' heads is the forge's knowledge; its callers add that refspec.
    package static let branchAndTagRefspecs = [
        "+refs/heads/*:refs/heads/*",
        "+refs/tags/*:refs/tags/*",
    ]

    /// Fetches `refspecs` from `url` through an anonymous remote: the URL and the token are
    /// never written into the repository's config. Refs deleted on the remote are pruned.
    @discardableResult
    package func fetch(
        from url: String, refspecs: [String] = Repository.branchAndTagRefspecs,
        credentials: GitCredentials? = nil
    ) throws(GitError) -> FetchStatistics {
        try exclusive { () throws(GitError) -> FetchStatistics in
            let operation = "fetch \(redactedURL(url))"
            let session = RemoteSession(credentials: credentials)
            let remote = try session.anonymousRemote(in: self, url: url, operation: operation)
            defer { git2.git_remote_free(remote) }
            var options = git_fetch_options()
            try session.check(git2.git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), operation)
            session.install(in: &options.callbacks)
            options.prune = GIT_FETCH_PRUNE
            options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
            try session.check(
                withStringArray(refspecs) { git2.git_remote_fetch(remote, $0, &options, "shipshape: fetch") }, operation
            )
            let stats = git2.git_remote_stats(remote)!.pointee
            return FetchStatistics(
                receivedObjects: Int(stats.received_objects), receivedBytes: Int(stats.received_bytes),
                totalObjects: Int(stats.total_objects), localObjects: Int(stats.local_objects))
        }
    }

    /// The refs the remote advertises, as `git ls-remote` lists them.
    package func remoteReferences(at url: String, credentials: GitCredentials? = nil) throws(GitError) -> [String:
        ObjectID]
    {
        try exclusive { () throws(GitError) -> [String: ObjectID] in
            let operation = "list the refs of \(redactedURL(url))"
            let session = RemoteSession(credentials: credentials)
            let remote = try session.anonymousRemote(in: self, url: url, operation: operation)
            defer { git2.git_remote_free(remote) }
            try session.connect(remote, direction: GIT_DIRECTION_FETCH, operation: operation)
            defer { _ = git2.git_remote_disconnect(remote) }
            return try session.advertisedReferences(remote, operation: operation)
        }
    }

    /// Pushes `commit` to `branch` (`refs/heads/...`) of `url`, only if the remote branch still
    /// points at `expected` (nil: the branch must not exist yet). The check and the update use the
    /// same connection, and the server itself refuses the update if the ref moved in between.
    package func push(
        _ commit: ObjectID, to url: String, branch: String, expecting expected: ObjectID?,
        credentials: GitCredentials? = nil
    ) throws(GitError) {
        try exclusive { () throws(GitError) -> Void in
            let operation = "push \(commit.short) to \(branch) of \(redactedURL(url))"
            let local = "refs/shipshape/push/" + branch.replacingSlashes
            try setReference(local, to: commit)
            let session = RemoteSession(credentials: credentials)
            let remote = try session.anonymousRemote(in: self, url: url, operation: operation)
            defer { git2.git_remote_free(remote) }
            try session.connect(remote, direction: GIT_DIRECTION_PUSH, operation: operation)
            defer { _ = git2.git_remote_disconnect(remote) }
            let actual = try session.advertisedReferences(remote, operation: operation)[branch]
            guard actual == expected else {
                throw GitError(
                    kind: .leaseConflict(expected: expected, actual: actual), operation: operation,
                    message:
                        "the remote branch is at \(actual?.short ?? "nothing"), not \(expected?.short ?? "nothing") as expected: someone pushed in the meantime"
                )
            }
            var options = git_push_options()
            try session.check(git2.git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), operation)
            session.install(in: &options.callbacks)
            try session.check(
                withStringArray(["+\(local):\(branch)"]) { git2.git_remote_upload(remote, $0, &options) }, operation)
            if let rejection = session.rejection {
                throw GitError(
                    kind: .pushRejected(reference: rejection.reference, reason: rejection.reason), operation: operation,
                    message: "the remote refused \(rejection.reference): \(rejection.reason)")
            }
        }
    }
}

extension String {
    fileprivate var replacingSlashes: String { String(map { $0 == "/" ? "-" : $0 }) }
}

/// Passes a list of strings to libgit2 as a `git_strarray`, kept alive for the call.
func withStringArray<Result>(_ strings: [String], _ body: (UnsafeMutablePointer<git_strarray>) -> Result) -> Result {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return body(&array)
    }
}
