/// The parts of a payload GitHub and Gitea/Forgejo shape alike (Gitea copies GitHub's
/// `pull_request`, `comment` and `push` payloads); each forge keeps its own event and action names.
extension WebhookPayload {
    /// Drafts are decoded like any other pull request: whether to review them is the server's choice.
    func gitHubShapedPullRequest(_ event: String, actions: [String: PullRequestEvent.Action]) throws -> WebhookEvent {
        let action = try string("action")
        guard let mapped = actions[action] else { return .ignored("\(event) \(action)") }
        return .pullRequest(
            PullRequestEvent(
                repository: try repository("repository.full_name"),
                number: try int("pull_request.number"),
                action: mapped,
                headSHA: try string("pull_request.head.sha"),
                isDraft: self["pull_request.draft"]?.bool ?? false))
    }

    /// A comment on pull request `number`: by a bot when its login ends in `[bot]` or the forge
    /// marked the user as one (`markedBot`).
    func gitHubShapedComment(number: Int, kind: PostedComment.Kind = .conversation, markedBot: Bool) throws
        -> WebhookEvent
    {
        let login = try string("comment.user.login")
        return .comment(
            CommentEvent(
                repository: try repository("repository.full_name"),
                number: number,
                commentID: try identifier("comment.id"),
                kind: kind,
                author: login,
                authorIsBot: markedBot || login.hasSuffix("[bot]"),
                body: self["comment.body"]?.string ?? ""))
    }

    func gitHubShapedPush() throws -> WebhookEvent {
        let ref = try string("ref")
        let defaultBranch = self["repository.default_branch"]?.string
        return .push(
            repository: try repository("repository.full_name"),
            ref: ref,
            after: try string("after"),
            isDefaultBranch: defaultBranch.map { ref == "refs/heads/" + $0 } ?? false)
    }
}
