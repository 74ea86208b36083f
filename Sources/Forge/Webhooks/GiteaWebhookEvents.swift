/// Gitea's and Forgejo's events, read into `WebhookEvent`. The payloads are GitHub-shaped (Gitea's
/// `modules/structs/hook.go`) but not GitHub's: `synchronized` for new commits, `is_pull` on comments,
/// no check runs and no installations.
enum GiteaWebhookEvents {
    /// `event` is the coarse name (`X-Gitea-Event`), `type` the fine one (`X-Gitea-Event-Type`) that
    /// Gitea versions before it was added do not send.
    static func decode(_ event: String, type: String?, payload: WebhookPayload) throws -> WebhookEvent {
        switch event {
        case "pull_request":
            return try payload.decode(GitHubShapedDeliveries.PullRequestDelivery.self).event(
                event, actions: pullRequestActions)
        case "issue_comment":
            return try issueComment(
                payload.decode(GitHubShapedDeliveries.CommentDelivery.self), type: type, payload: payload)
        case "push": return try payload.decode(GitHubShapedDeliveries.PushDelivery.self).event
        case "pull_request_comment":
            // A comment inside a review: the payload carries the review's text but no comment id or author.
            return .ignored("pull_request_comment (review comment) \(try payload.decode(Action.self).action)")
        default:
            try payload.checkObject()
            return .ignored(type ?? event)
        }
    }

    /// The coarse `pull_request` also covers label, assignee, milestone and review-request changes; the
    /// action tells them apart. Gitea has no "ready for review" action: `draft` is read where sent.
    private static let pullRequestActions: [String: PullRequestEvent.Action] = [
        "opened": .opened, "synchronized": .synchronized, "reopened": .reopened,
    ]

    private struct Action: Decodable { var action: String }

    /// A comment is on a pull request when the type says so (`pull_request_comment`), `is_pull` is true,
    /// or the issue carries `pull_request`.
    private static func issueComment(
        _ delivery: GitHubShapedDeliveries.CommentDelivery, type: String?, payload: WebhookPayload
    ) throws -> WebhookEvent {
        guard delivery.action == "created" else { return .ignored("issue_comment \(delivery.action)") }
        guard let issue = delivery.issue else { throw payload.missing("issue", expected: "field") }
        let onPullRequest = type == "pull_request_comment" || delivery.isPull == true || issue.pullRequest != nil
        guard onPullRequest else { return .ignored("issue_comment on issue #\(issue.number), not a pull request") }
        var event = delivery.event(number: issue.number, kind: .conversation)
        event.authorPermission = senderPermission(delivery, author: event.author)
        return .comment(event)
    }

    /// Gitea states the commenter's access in the delivery: its webhook notifier
    /// (services/webhook/notifier.go, CreateIssueComment) fills `repository` with
    /// `GetUserRepoPermission(repo, doer)`, and `convert.ToRepo` (services/convert/repository.go)
    /// writes it as `permissions`: `admin`, `push` (write to the code, what `fix` needs), `pull`. The doer is the `sender`; a payload whose sender
    /// is not the comment's author, or without `permissions`, states nothing.
    static func senderPermission(_ delivery: GitHubShapedDeliveries.CommentDelivery, author: String) -> Permission? {
        guard delivery.sender?.login.lowercased() == author.lowercased(),
            let permissions = delivery.repository.permissions, let admin = permissions.admin,
            let push = permissions.push, let pull = permissions.pull
        else { return nil }
        return admin ? .admin : push ? .write : pull ? .read : Permission.none
    }
}
