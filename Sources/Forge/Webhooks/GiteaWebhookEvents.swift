/// Gitea's and Forgejo's events, read into `WebhookEvent`. The payloads are GitHub-shaped (Gitea's
/// `modules/structs/hook.go`) but not GitHub's: `synchronized` for new commits, `is_pull` on comments,
/// no check runs and no installations.
enum GiteaWebhookEvents {
    /// `event` is the coarse name (`X-Gitea-Event`), `type` the fine one (`X-Gitea-Event-Type`) that
    /// Gitea versions before it was added do not send.
    static func decode(_ event: String, type: String?, payload: WebhookPayload) throws -> WebhookEvent {
        switch event {
        case "pull_request": try payload.gitHubShapedPullRequest(event, actions: pullRequestActions)
        case "issue_comment": try issueComment(payload, type: type)
        case "push": try payload.gitHubShapedPush()
        case "pull_request_comment":
            // A comment inside a review: the payload carries the review's text but no comment id or author.
            .ignored("pull_request_comment (review comment) \(payload["action"]?.string ?? "")")
        default: .ignored(type ?? event)
        }
    }

    /// The coarse `pull_request` also covers label, assignee, milestone and review-request changes; the
    /// action tells them apart. Gitea has no "ready for review" action: `draft` is read where sent.
    private static let pullRequestActions: [String: PullRequestEvent.Action] = [
        "opened": .opened, "synchronized": .synchronized, "reopened": .reopened,
    ]

    /// A comment is on a pull request when the type says so (`pull_request_comment`), `is_pull` is true,
    /// or the issue carries `pull_request`.
    private static func issueComment(_ payload: WebhookPayload, type: String?) throws -> WebhookEvent {
        let action = try payload.string("action")
        guard action == "created" else { return .ignored("issue_comment \(action)") }
        let number = try payload.int("issue.number")
        let onPullRequest =
            type == "pull_request_comment" || payload["is_pull"]?.bool == true || payload["issue.pull_request"] != nil
        guard onPullRequest else { return .ignored("issue_comment on issue #\(number), not a pull request") }
        guard case .comment(var event) = try payload.gitHubShapedComment(number: number, markedBot: false) else {
            return .ignored("issue_comment on #\(number)")
        }
        event.authorPermission = senderPermission(payload, author: event.author)
        return .comment(event)
    }

    /// Gitea states the commenter's access in the delivery: its webhook notifier
    /// (services/webhook/notifier.go, CreateIssueComment) fills `repository` with
    /// `GetUserRepoPermission(repo, doer)`, and `convert.ToRepo` (services/convert/repository.go)
    /// writes it as `permissions`: `admin`, `push` (write to the code, what `fix` needs), `pull`. The doer is the `sender`; a payload whose sender
    /// is not the comment's author, or without `permissions`, states nothing.
    static func senderPermission(_ payload: WebhookPayload, author: String) -> Permission? {
        guard payload["sender.login"]?.string?.lowercased() == author.lowercased(),
            let admin = payload["repository.permissions.admin"]?.bool,
            let push = payload["repository.permissions.push"]?.bool,
            let pull = payload["repository.permissions.pull"]?.bool
        else { return nil }
        return admin ? .admin : push ? .write : pull ? .read : Permission.none
    }
}
