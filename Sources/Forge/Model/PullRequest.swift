import Foundation

/// A pull request (GitLab: merge request) as the bot needs it.
public struct PullRequest: Sendable, Equatable {
    public enum State: String, Sendable { case open, closed, merged }

    public var number: Int
    public var title: String
    public var body: String
    public var state: State
    public var author: String
    public var baseBranch: String
    public var baseSHA: String
    public var headBranch: String
    public var headSHA: String
    /// Where the base repository is cloned from.
    public var cloneURL: String
    /// Where the head branch lives when it is another repository (a fork); nil when it is the same one.
    public var forkCloneURL: String?
    /// Whether the bot may push to the head branch of a fork ("allow edits by maintainers").
    public var maintainerCanModify: Bool
    /// The ref the forge keeps of the head commit in the base repository (refs/pull/N/head...).
    public var headRef: String
    public var webURL: String
    public var isDraft: Bool
    public var labels: [String]
    /// When it was opened (nil when the forge's answer does not say).
    public var createdAt: Date?

    public init(
        number: Int, title: String, body: String = "", state: State = .open, author: String, baseBranch: String,
        baseSHA: String,
        headBranch: String, headSHA: String, cloneURL: String, forkCloneURL: String? = nil,
        maintainerCanModify: Bool = false,
        headRef: String, webURL: String = "", isDraft: Bool = false, labels: [String] = [], createdAt: Date? = nil
    ) {
        self.number = number
        self.title = title
        self.body = body
        self.state = state
        self.author = author
        self.baseBranch = baseBranch
        self.baseSHA = baseSHA
        self.headBranch = headBranch
        self.headSHA = headSHA
        self.cloneURL = cloneURL
        self.forkCloneURL = forkCloneURL
        self.maintainerCanModify = maintainerCanModify
        self.headRef = headRef
        self.webURL = webURL
        self.isDraft = isDraft
        self.labels = labels
        self.createdAt = createdAt
    }

    public var isFromFork: Bool { forkCloneURL != nil }
}

/// What opening or updating a pull request says.
public struct PullRequestDraft: Sendable {
    public var title: String
    public var body: String
    public var head: String
    public var base: String
    public var labels: [String]

    public init(title: String, body: String, head: String, base: String, labels: [String] = []) {
        self.title = title
        self.body = body
        self.head = head
        self.base = base
        self.labels = labels
    }
}

/// One file of a pull request's change, as the forge lists it.
public struct ChangedFile: Sendable, Equatable {
    public enum Status: String, Sendable { case added, modified, removed, renamed }

    public var path: String
    public var previousPath: String?
    public var status: Status

    public init(path: String, previousPath: String? = nil, status: Status) {
        self.path = path
        self.previousPath = previousPath
        self.status = status
    }
}
