internal import CGit2
import Foundation

/// A Git repository on disk (bare for mirrors), read and written through libgit2 without a work tree.
///
/// libgit2 objects must not be used from two threads at once (its own rule for a repository and
/// everything read from it), yet a review reads blobs from the policy engine's parallel workers:
/// so every public method holds `access` while it calls libgit2, and a `Repository` is safe to
/// share (`@unchecked Sendable` for that reason). Parsing, the costly part, still runs in
/// parallel; only the reads take turns. A job still has a mirror to itself (`MirrorCache`).
package final class Repository: @unchecked Sendable {
    let pointer: OpaquePointer
    package let path: String
    /// Recursive: public methods call one another.
    private let access = NSRecursiveLock()

    private init(pointer: OpaquePointer, path: String) {
        self.pointer = pointer
        self.path = path
    }

    deinit {
        git2.git_repository_free(pointer)
    }

    /// Runs `body` with libgit2 to this thread alone, as far as this repository goes.
    func exclusive<Result>(_ body: () throws(GitError) -> Result) throws(GitError) -> Result {
        access.lock()
        defer { access.unlock() }
        return try body()
    }

    package static func open(at path: String) throws(GitError) -> Repository {
        try GitLibrary.load()
        var pointer: OpaquePointer?
        try GitError.check(
            git2.git_repository_open_ext(&pointer, path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil),
            "open the repository \(path)")
        guard let pointer else {
            throw GitError(kind: .notFound, operation: "open the repository \(path)", message: "no repository")
        }
        return Repository(pointer: pointer, path: path)
    }

    package static func createBare(at path: String) throws(GitError) -> Repository {
        try GitLibrary.load()
        var pointer: OpaquePointer?
        try GitError.check(git2.git_repository_init(&pointer, path, 1), "create the bare repository \(path)")
        guard let pointer else {
            throw GitError(kind: .notFound, operation: "create the bare repository \(path)", message: "no repository")
        }
        return Repository(pointer: pointer, path: path)
    }

    /// The commit a revision names: a branch, tag, `refs/pull/7/head`, or an id.
    package func commit(_ revision: String) throws(GitError) -> ObjectID {
        try exclusive { () throws(GitError) -> ObjectID in
            var object: OpaquePointer?
            try GitError.check(git2.git_revparse_single(&object, pointer, revision), "find the revision \(revision)")
            defer { git2.git_object_free(object) }
            var commit: OpaquePointer?
            try GitError.check(git2.git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "read \(revision) as a commit")
            defer { git2.git_object_free(commit) }
            return ObjectID(git2.git_object_id(commit)!.pointee)
        }
    }

    /// The best common ancestor of two commits: where a pull request branched off.
    package func mergeBase(_ one: ObjectID, _ two: ObjectID) throws(GitError) -> ObjectID {
        try exclusive { () throws(GitError) -> ObjectID in
            var result = git_oid()
            var first = one.raw
            var second = two.raw
            try GitError.check(
                git2.git_merge_base(&result, pointer, &first, &second),
                "find the merge base of \(one.short) and \(two.short)")
            return ObjectID(result)
        }
    }

    /// The tree of a commit; the caller frees it.
    func tree(of commit: ObjectID) throws(GitError) -> OpaquePointer {
        var id = commit.raw
        var commitPointer: OpaquePointer?
        try GitError.check(git2.git_commit_lookup(&commitPointer, pointer, &id), "read the commit \(commit.short)")
        defer { git2.git_commit_free(commitPointer) }
        var tree: OpaquePointer?
        try GitError.check(git2.git_commit_tree(&tree, commitPointer), "read the tree of \(commit.short)")
        guard let tree else {
            throw GitError(kind: .notFound, operation: "read the tree of \(commit.short)", message: "no tree")
        }
        return tree
    }
}
