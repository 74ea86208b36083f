/// Gitea's and Forgejo's events, read into `WebhookEvent`. The payloads are GitHub-shaped (Gitea's
/// `modules/structs/hook.go`) but not GitHub's: `synchronized` for new commits, `is_pull` on comments,
/// no check runs and no installations.
enum GiteaWebhookEvents {
    /// `event` is the coarse name (`X-Gitea-Event`), `type` the fine one (`X-Gitea-Event-Type`) that
    /// Gitea versions before it was added do not send.
    static func decode(_ event: String, type: String?, payload: WebhookPayload) throws -> WebhookEvent {
        switch event {
        case "pull_request": try pullRequest(payload)
        case "issue_comment": try issueComment(payload, type: type)
        case "push": try push(payload)
        case "pull_request_comment":
            // A comment inside a review: the payload carries the review's text but no comment id or author.
            .ignored("pull_request_comment (review comment) \(payload["action"]?.string ?? "")")
        default: .ignored(type ?? event)
        }
    }

    private static let pullRequestActions: [String: PullRequestEvent.Action] = [
        "opened": .opened, "synchronized": .synchronized, "reopened": .reopened,
    ]

    /// The coarse `pull_request` also covers label, assignee, milestone and review-request changes; the
    /// action tells them apart. Gitea has no "ready for review" action: `draft` is read where sent.
    private static func pullRequest(_ payload: WebhookPayload) throws -> WebhookEvent {
        let action = try payload.string("action")
        guard let mapped = pullRequestActions[action] else { return .ignored("pull_request \(action)") }
        return .pullRequest(PullRequestEvent(
            repository: try payload.repository("repository.full_name"),
            number: try payload.int("pull_request.number"),
            action: mapped,
            headSHA: try payload.string("pull_request.head.sha"),
            isDraft: payload["pull_request.draft"]?.bool ?? false))
    }

    /// A comment is on a pull request when the type says so (`pull_request_comment`), `is_pull` is true,
    /// or the issue carries `pull_request`.
    private static func issueComment(_ payload: WebhookPayload, type: String?) throws -> WebhookEvent {
        let action = try payload.string("action")
        guard action == "created" else { return .ignored("issue_comment \(action)") }
        let number = try payload.int("issue.number")
        let onPullRequest = type == "pull_request_comment" || payload["is_pull"]?.bool == true || payload["issue.pull_request"] != nil
        guard onPullRequest else { return .ignored("issue_comment on issue #\(number), not a pull request") }
        let login = try payload.string("comment.user.login")
        return .comment(CommentEvent(
            repository: try payload.repository("repository.full_name"),
            number: number,
            commentID: try payload.identifier("comment.id"),
            author: login,
            authorIsBot: login.hasSuffix("[bot]"),
            body: payload["comment.body"]?.string ?? ""))
    }

    private static func push(_ payload: WebhookPayload) throws -> WebhookEvent {
        let ref = try payload.string("ref")
        let defaultBranch = payload["repository.default_branch"]?.string
        return .push(
            repository: try payload.repository("repository.full_name"),
            ref: ref,
            after: try payload.string("after"),
            isDefaultBranch: defaultBranch.map { ref == "refs/heads/" + $0 } ?? false)
    }
}
