import Foundation

/// A pull request (GitLab: merge request) as the bot needs it.
package struct PullRequest: Sendable, Equatable {
    package enum State: String, Sendable { case open, closed, merged }

    package var number: Int
    package var title: String
    /// Nil when the pull request has no description (GitHub and Gitea send null, GitLab null or nothing).
    package var body: String?
    package var state: State
    package var author: String
    package var baseBranch: String
    /// The base branch's commit the change is compared with. Nil when the forge's answer names
    /// none: GitLab lists merge requests without `diff_refs`, and has none for a merge request
    /// whose diff it has not computed yet. A review needs it: see `requiredBaseSHA()`.
    package var baseSHA: String?
    package var headBranch: String
    package var headSHA: String
    /// Where the base repository is cloned from.
    package var cloneURL: String
    /// Where the head branch lives when it is another repository (a fork); nil when it is the same one.
    package var forkCloneURL: String?
    /// Whether the bot may push to the head branch of a fork ("allow edits by maintainers").
    package var maintainerCanModify: Bool
    /// The ref the forge keeps of the head commit in the base repository (refs/pull/N/head...).
    package var headRef: String
    package var webURL: String
    package var isDraft: Bool
    package var labels: [String]
    /// When it was opened (nil when the forge's answer does not say).
    package var createdAt: Date?

    package init(
        number: Int, title: String, body: String? = nil, state: State = .open, author: String, baseBranch: String,
        baseSHA: String?,
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

    package var isFromFork: Bool { forkCloneURL != nil }

    /// The base commit, for work that compares against it (a review): an error naming the pull
    /// request when the forge's answer had none, rather than an empty revision failing later in Git.
    package func requiredBaseSHA() throws(ForgeError) -> String {
        guard let baseSHA else {
            throw .notFound("the base commit of #\(number): the forge's answer names none (no `diff_refs` yet?)")
        }
        return baseSHA
    }
}

/// What opening or updating a pull request says.
package struct PullRequestDraft: Sendable {
    package var title: String
    package var body: String
    package var head: String
    package var base: String
    package var labels: [String]

    package init(title: String, body: String, head: String, base: String, labels: [String] = []) {
        self.title = title
        self.body = body
        self.head = head
        self.base = base
        self.labels = labels
    }
}

/// One file of a pull request's change, as the forge lists it.
package struct ChangedFile: Sendable, Equatable {
    package enum Status: String, Sendable { case added, modified, removed, renamed }

    package var path: String
    package var previousPath: String?
    package var status: Status

    package init(path: String, previousPath: String? = nil, status: Status) {
        self.path = path
        self.previousPath = previousPath
        self.status = status
    }
}
