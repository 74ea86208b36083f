/// GitLab's hooks (`X-Gitlab-Event: Merge Request Hook`, ...), read into `WebhookEvent`. Merge
/// requests are numbered by `iid`; repositories are the project's `path_with_namespace`.
enum GitLabWebhookEvents {
    static func decode(_ event: String, payload: WebhookPayload) throws -> WebhookEvent {
        switch event {
        case "Merge Request Hook": try mergeRequest(payload)
        case "Note Hook": try note(payload)
        case "Push Hook": try push(payload)
        default: .ignored(event)
        }
    }

    /// `update` covers new commits (`oldrev` present), leaving draft (`changes.draft` true to false),
    /// and every edit of title, labels or assignees, which is ignored.
    private static func mergeRequest(_ payload: WebhookPayload) throws -> WebhookEvent {
        let action = try payload.string("object_attributes.action")
        let mapped: PullRequestEvent.Action
        switch action {
        case "open": mapped = .opened
        case "reopen": mapped = .reopened
        case "update" where payload["object_attributes.oldrev"]?.string?.isEmpty == false: mapped = .synchronized
        case "update"
        where payload["changes.draft.previous"]?.bool == true && payload["changes.draft.current"]?.bool == false:
            mapped = .readyForReview
        case "update": return .ignored("merge_request update without new commits")
        default: return .ignored("merge_request \(action)")
        }
        let isDraft =
            payload["object_attributes.draft"]?.bool ?? payload["object_attributes.work_in_progress"]?.bool ?? false
        return .pullRequest(
            PullRequestEvent(
                repository: try payload.repository("project.path_with_namespace"),
                number: try payload.int("object_attributes.iid"),
                action: mapped,
                headSHA: try payload.string("object_attributes.last_commit.id"),
                isDraft: isDraft))
    }

    /// Comments on merge requests only; edits (`action: update`) are ignored. Older GitLab versions
    /// send no `action`: those notes are new ones.
    private static func note(_ payload: WebhookPayload) throws -> WebhookEvent {
        let noteable = try payload.string("object_attributes.noteable_type")
        guard noteable == "MergeRequest" else { return .ignored("note on \(noteable)") }
        let action = payload["object_attributes.action"]?.string ?? "create"
        guard action == "create" else { return .ignored("note \(action)") }
        let username = try payload.string("user.username")
        return .comment(
            CommentEvent(
                repository: try payload.repository("project.path_with_namespace"),
                number: try payload.int("merge_request.iid"),
                commentID: try payload.identifier("object_attributes.id"),
                author: username,
                authorIsBot: payload["user.bot"]?.bool == true || isBotUsername(username),
                body: payload["object_attributes.note"]?.string ?? ""))
    }

    /// GitLab's webhook `user` rarely says `bot`; the users GitLab makes for project and group access
    /// tokens are named `project_<id>_bot…` / `group_<id>_bot…`, and service accounts by convention end
    /// in `-bot` or `_bot`. A person with such a name cannot trigger commands: a false positive only
    /// costs a command, a false negative could let a bot loop on its own comments.
    static func isBotUsername(_ username: String) -> Bool {
        let name = username.lowercased()
        if name.hasSuffix("-bot") || name.hasSuffix("_bot") || name.hasSuffix("[bot]") { return true }
        for prefix in ["project_", "group_"] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix("_bot") { return true }
        }
        return false
    }

    private static func push(_ payload: WebhookPayload) throws -> WebhookEvent {
        let ref = try payload.string("ref")
        let defaultBranch = payload["project.default_branch"]?.string
        return .push(
            repository: try payload.repository("project.path_with_namespace"),
            ref: ref,
            after: try payload.string("after"),
            isDefaultBranch: defaultBranch.map { ref == "refs/heads/" + $0 } ?? false)
    }
}
