internal import CGit2

/// What a commit says about itself: who wrote and who committed it, its parents and its message.
package struct CommitInfo: Sendable {
    package var authorName: String
    package var authorEmail: String
    package var committerEmail: String
    package var parents: [ObjectID]
    package var message: String
}

extension Repository {
    package func info(of commit: ObjectID) throws(GitError) -> CommitInfo {
        try exclusive { () throws(GitError) -> CommitInfo in
            var raw = commit.raw
            var object: OpaquePointer?
            try GitError.check(git2.git_commit_lookup(&object, pointer, &raw), "read the commit \(commit.short)")
            defer { git2.git_commit_free(object) }
            let author = git2.git_commit_author(object)!.pointee
            let committer = git2.git_commit_committer(object)!.pointee
            var parents: [ObjectID] = []
            for index in 0..<git2.git_commit_parentcount(object) {
                if let id = git2.git_commit_parent_id(object, index) { parents.append(ObjectID(id.pointee)) }
            }
            return CommitInfo(
                authorName: String(cString: author.name), authorEmail: String(cString: author.email),
                committerEmail: String(cString: committer.email),
                parents: parents, message: git2.git_commit_message(object).map { String(cString: $0) } ?? "")
        }
    }
}
