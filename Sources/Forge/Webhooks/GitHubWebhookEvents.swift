/// GitHub's events (`X-GitHub-Event`) and actions, read into `WebhookEvent`.
enum GitHubWebhookEvents {
    static func decode(_ event: String, payload: WebhookPayload, appID: Int?) throws -> WebhookEvent {
        switch event {
        case "ping":
            try payload.checkObject()
            return .ping
        case "pull_request":
            return try payload.decode(GitHubShapedDeliveries.PullRequestDelivery.self).event(
                event, actions: pullRequestActions)
        case "issue_comment":
            return try issueComment(payload.decode(GitHubShapedDeliveries.CommentDelivery.self), payload: payload)
        case "pull_request_review_comment":
            return try reviewComment(payload.decode(GitHubShapedDeliveries.CommentDelivery.self), payload: payload)
        case "check_run", "check_suite":
            return checkRerun(event, try payload.decode(GitHubDeliveries.CheckRerun.self), appID: appID)
        case "push": return try payload.decode(GitHubShapedDeliveries.PushDelivery.self).event
        case "installation", "installation_repositories":
            return installation(event, try payload.decode(GitHubDeliveries.Installation.self))
        default:
            try payload.checkObject()
            return .ignored(event)
        }
    }

    private static let pullRequestActions: [String: PullRequestEvent.Action] = [
        "opened": .opened, "synchronize": .synchronized, "reopened": .reopened, "ready_for_review": .readyForReview,
    ]

    /// Conversation comments: GitHub files them under issues, and marks a pull request's with `issue.pull_request`.
    private static func issueComment(_ delivery: GitHubShapedDeliveries.CommentDelivery, payload: WebhookPayload)
        throws -> WebhookEvent
    {
        guard delivery.action == "created" else { return .ignored("issue_comment \(delivery.action)") }
        guard let issue = delivery.issue else { throw payload.missing("issue", expected: "field") }
        guard issue.pullRequest != nil else {
            return .ignored("issue_comment on issue #\(issue.number), not a pull request")
        }
        return .comment(delivery.event(number: issue.number, kind: .conversation))
    }

    private static func reviewComment(_ delivery: GitHubShapedDeliveries.CommentDelivery, payload: WebhookPayload)
        throws -> WebhookEvent
    {
        guard delivery.action == "created" else { return .ignored("pull_request_review_comment \(delivery.action)") }
        guard let pullRequest = delivery.pullRequest else { throw payload.missing("pull_request", expected: "field") }
        return .comment(delivery.event(number: pullRequest.number, kind: .inline))
    }

    /// "Re-run" on a check run or a whole suite. `appID`, when known, keeps other apps' re-runs out.
    private static func checkRerun(_ event: String, _ delivery: GitHubDeliveries.CheckRerun, appID: Int?)
        -> WebhookEvent
    {
        guard delivery.action == "rerequested" else { return .ignored("\(event) \(delivery.action)") }
        if let appID, let owner = delivery.check.app?.id, owner != appID {
            return .ignored("\(event) rerequested for another app (id \(owner))")
        }
        return .checkRerun(
            repository: delivery.repository.fullName.id, headSHA: delivery.check.headSHA,
            pullRequests: delivery.check.pullRequests.map(\.number))
    }

    private static func installation(_ event: String, _ delivery: GitHubDeliveries.Installation) -> WebhookEvent {
        let repositories =
            switch (event, delivery.action) {
            case ("installation_repositories", "removed"): delivery.repositoriesRemoved
            case ("installation_repositories", _): delivery.repositoriesAdded
            default: delivery.repositories
            }
        return .installation(
            id: delivery.installation.id, action: delivery.action, account: delivery.installation.account.login,
            repositories: (repositories ?? []).map(\.fullName.id))
    }
}
