/// An inline comment to post: on new-side lines `startLine...line` of `path`.
package struct InlineComment: Sendable, Equatable {
    package var path: String
    package var line: Int
    /// The first line of a multi-line comment (a suggestion that replaces several lines).
    package var startLine: Int?
    package var body: String

    package init(path: String, line: Int, startLine: Int? = nil, body: String) {
        self.path = path
        self.line = line
        self.startLine = startLine
        self.body = body
    }
}

/// A review: one body and its inline comments, on one head commit, posted at once.
package struct ReviewSubmission: Sendable {
    package var commitSHA: String
    /// The merge base, and the target branch's head the diff was taken against (the pull
    /// request's `baseSHA`), for forges that anchor positions to them (GitLab's `base_sha` and
    /// `start_sha`, which differ once the target branch moved on).
    package var baseSHA: String
    package var startSHA: String
    package var body: String
    package var comments: [InlineComment]

    package init(commitSHA: String, baseSHA: String, startSHA: String, body: String, comments: [InlineComment]) {
        self.commitSHA = commitSHA
        self.baseSHA = baseSHA
        self.startSHA = startSHA
        self.body = body
        self.comments = comments
    }
}

/// A comment that is on the forge: found again on a re-run by the markers in its body.
package struct PostedComment: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// A comment on the conversation (the summary, command replies).
        case conversation
        /// A comment on a line of the diff.
        case inline
    }

    package var id: String
    package var kind: Kind
    package var body: String
    package var author: String
    package var path: String?
    package var line: Int?
    /// The thread it belongs to where the forge has threads: GitLab discussion, Gitea review.
    package var threadID: String?
    package var isResolved: Bool

    package init(
        id: String, kind: Kind, body: String, author: String, path: String? = nil, line: Int? = nil,
        threadID: String? = nil, isResolved: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.body = body
        self.author = author
        self.path = path
        self.line = line
        self.threadID = threadID
        self.isResolved = isResolved
    }
}

/// Reactions the bot uses to acknowledge commands.
package enum Reaction: String, Sendable {
    case eyes, rocket, confused
    case thumbsUp = "+1"
}

/// A user's role on a repository, in GitHub's words (the others map onto them).
package enum Permission: Int, Sendable, Comparable {
    case none = 0
    case read, triage, write, maintain, admin

    package static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.rawValue < rhs.rawValue }

    /// May change the repository's content: what `fix` and `ignore` need.
    package var canWrite: Bool { self >= .write }
}
