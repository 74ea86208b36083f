/// What a webhook delivery means to the bot, whichever forge sent it.
package enum WebhookEvent: Sendable, Equatable {
    /// Opened, new commits (synchronize/synchronized/update), reopened, ready for review.
    case pullRequest(PullRequestEvent)
    /// A comment on a pull request (conversation or review comment).
    case comment(CommentEvent)
    /// "Re-run" of the bot's check: review these pull requests again.
    case checkRerun(repository: RepositoryID, headSHA: String, pullRequests: [Int])
    /// A push; `isDefaultBranch` when it went to the repository's default branch.
    case push(repository: RepositoryID, ref: String, after: String, isDefaultBranch: Bool)
    /// A GitHub App installation created, deleted, suspended... with the repositories it names.
    case installation(id: Int, action: String, account: String, repositories: [RepositoryID])
    case ping
    /// Understood and deliberately not acted on (the reason says what it was).
    case ignored(String)
}

package struct PullRequestEvent: Sendable, Equatable {
    package enum Action: String, Sendable { case opened, synchronized, reopened, readyForReview }
    package var repository: RepositoryID
    package var number: Int
    package var action: Action
    package var headSHA: String
    package var isDraft: Bool

    package init(repository: RepositoryID, number: Int, action: Action, headSHA: String, isDraft: Bool) {
        self.repository = repository
        self.number = number
        self.action = action
        self.headSHA = headSHA
        self.isDraft = isDraft
    }
}

package struct CommentEvent: Sendable, Equatable {
    package var repository: RepositoryID
    /// The pull request (merge request) the comment is on.
    package var number: Int
    package var commentID: String
    /// A conversation comment, or an inline one written in a review thread (GitHub's
    /// `pull_request_review_comment`): reactions and replies go where the comment is.
    package var kind: PostedComment.Kind
    package var author: String
    /// Bots (GitHub `type: Bot`, GitLab/Gitea bot users) never trigger commands.
    package var authorIsBot: Bool
    package var body: String
    /// The author's access to the repository as the delivery states it, where the forge computes
    /// it for the commenter (Gitea); nil where the bot must ask the forge.
    package var authorPermission: Permission?

    package init(
        repository: RepositoryID, number: Int, commentID: String, kind: PostedComment.Kind = .conversation,
        author: String,
        authorIsBot: Bool, body: String, authorPermission: Permission? = nil
    ) {
        self.repository = repository
        self.number = number
        self.commentID = commentID
        self.kind = kind
        self.author = author
        self.authorIsBot = authorIsBot
        self.body = body
        self.authorPermission = authorPermission
    }
}

/// One delivery as the server received it: which forge, its id (for de-duplication), its event name.
package struct WebhookDelivery: Sendable, Equatable {
    package var forge: ForgeKind
    package var id: String
    package var event: String
    package var webEvent: WebhookEvent

    package init(forge: ForgeKind, id: String, event: String, webEvent: WebhookEvent) {
        self.forge = forge
        self.id = id
        self.event = event
        self.webEvent = webEvent
    }
}
