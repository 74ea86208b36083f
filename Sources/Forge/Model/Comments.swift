/// An inline comment to post: on new-side lines `startLine...line` of `path`.
public struct InlineComment: Sendable, Equatable {
    public var path: String
    public var line: Int
    /// The first line of a multi-line comment (a suggestion that replaces several lines).
    public var startLine: Int?
    public var body: String

    public init(path: String, line: Int, startLine: Int? = nil, body: String) {
        self.path = path
        self.line = line
        self.startLine = startLine
        self.body = body
    }
}

/// A review: one body and its inline comments, on one head commit, posted at once.
public struct ReviewSubmission: Sendable {
    public var commitSHA: String
    /// The merge base, and the target branch's head the diff was taken against (the pull
    /// request's `baseSHA`), for forges that anchor positions to them (GitLab's `base_sha` and
    /// `start_sha`, which differ once the target branch moved on).
    public var baseSHA: String
    public var startSHA: String
    public var body: String
    public var comments: [InlineComment]

    public init(commitSHA: String, baseSHA: String, startSHA: String, body: String, comments: [InlineComment]) {
        self.commitSHA = commitSHA
        self.baseSHA = baseSHA
        self.startSHA = startSHA
        self.body = body
        self.comments = comments
    }
}

/// A comment that is on the forge: found again on a re-run by the markers in its body.
public struct PostedComment: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A comment on the conversation (the summary, command replies).
        case conversation
        /// A comment on a line of the diff.
        case inline
    }

    public var id: String
    public var kind: Kind
    public var body: String
    public var author: String
    public var path: String?
    public var line: Int?
    /// The thread it belongs to where the forge has threads: GitLab discussion, Gitea review.
    public var threadID: String?
    public var isResolved: Bool

    public init(
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
public enum Reaction: String, Sendable {
    case eyes, rocket, confused
    case thumbsUp = "+1"
}

/// A user's role on a repository, in GitHub's words (the others map onto them).
public enum Permission: Int, Sendable, Comparable {
    case none = 0
    case read, triage, write, maintain, admin

    public static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.rawValue < rhs.rawValue }

    /// May change the repository's content: what `fix` and `ignore` need.
    public var canWrite: Bool { self >= .write }
}
