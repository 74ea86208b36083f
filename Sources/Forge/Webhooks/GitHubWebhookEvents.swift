/// GitHub's events (`X-GitHub-Event`) and actions, read into `WebhookEvent`.
enum GitHubWebhookEvents {
    static func decode(_ event: String, payload: WebhookPayload, appID: Int?) throws -> WebhookEvent {
        switch event {
        case "ping": .ping
        case "pull_request": try payload.gitHubShapedPullRequest(event, actions: pullRequestActions)
        case "issue_comment": try issueComment(payload)
        case "pull_request_review_comment": try reviewComment(payload)
        case "check_run", "check_suite": try checkRerun(event, payload: payload, appID: appID)
        case "push": try payload.gitHubShapedPush()
        case "installation", "installation_repositories": try installation(event, payload: payload)
        default: .ignored(event)
        }
    }

    private static let pullRequestActions: [String: PullRequestEvent.Action] = [
        "opened": .opened, "synchronize": .synchronized, "reopened": .reopened, "ready_for_review": .readyForReview,
    ]

    /// Conversation comments: GitHub files them under issues, and marks a pull request's with `issue.pull_request`.
    private static func issueComment(_ payload: WebhookPayload) throws -> WebhookEvent {
        let action = try payload.string("action")
        guard action == "created" else { return .ignored("issue_comment \(action)") }
        let number = try payload.int("issue.number")
        guard payload["issue.pull_request"] != nil else {
            return .ignored("issue_comment on issue #\(number), not a pull request")
        }
        return try comment(payload, number: number, kind: .conversation)
    }

    private static func reviewComment(_ payload: WebhookPayload) throws -> WebhookEvent {
        let action = try payload.string("action")
        guard action == "created" else { return .ignored("pull_request_review_comment \(action)") }
        return try comment(payload, number: try payload.int("pull_request.number"), kind: .inline)
    }

    private static func comment(_ payload: WebhookPayload, number: Int, kind: PostedComment.Kind) throws -> WebhookEvent
    {
        try payload.gitHubShapedComment(
            number: number, kind: kind, markedBot: payload["comment.user.type"]?.string == "Bot")
    }

    /// "Re-run" on a check run or a whole suite. `appID`, when known, keeps other apps' re-runs out.
    private static func checkRerun(_ event: String, payload: WebhookPayload, appID: Int?) throws -> WebhookEvent {
        let action = try payload.string("action")
        guard action == "rerequested" else { return .ignored("\(event) \(action)") }
        if let appID, let owner = payload["\(event).app.id"]?.int, owner != appID {
            return .ignored("\(event) rerequested for another app (id \(owner))")
        }
        return .checkRerun(
            repository: try payload.repository("repository.full_name"),
            headSHA: try payload.string("\(event).head_sha"),
            pullRequests: try payload.numbers("\(event).pull_requests"))
    }

    /// `installation` names every repository it covers; `installation_repositories` the ones added or removed.
    private static func installation(_ event: String, payload: WebhookPayload) throws -> WebhookEvent {
        let action = try payload.string("action")
        let repositoriesPath =
            switch (event, action) {
            case ("installation_repositories", "removed"): "repositories_removed"
            case ("installation_repositories", _): "repositories_added"
            default: "repositories"
            }
        return .installation(
            id: try payload.int("installation.id"),
            action: action,
            account: try payload.string("installation.account.login"),
            repositories: try payload.repositories(repositoriesPath))
    }
}
