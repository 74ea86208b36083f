/// GitLab's hooks (`X-Gitlab-Event: Merge Request Hook`, ...), read into `WebhookEvent`. Merge
/// requests are numbered by `iid`; repositories are the project's `path_with_namespace`.
enum GitLabWebhookEvents {
    static func decode(_ event: String, payload: WebhookPayload) throws -> WebhookEvent {
        switch event {
        case "Merge Request Hook": return mergeRequest(try payload.decode(GitLabDeliveries.MergeRequestHook.self))
        case "Note Hook": return try note(try payload.decode(GitLabDeliveries.NoteHook.self), payload: payload)
        case "Push Hook": return push(try payload.decode(GitLabDeliveries.PushHook.self))
        default:
            try payload.checkObject()
            return .ignored(event)
        }
    }

    /// `update` covers new commits (`oldrev` present), leaving draft (`changes.draft` true to false),
    /// and every edit of title, labels or assignees, which is ignored.
    private static func mergeRequest(_ hook: GitLabDeliveries.MergeRequestHook) -> WebhookEvent {
        guard let attributes = hook.objectAttributes, let project = hook.project else {
            return .ignored("merge_request \(hook.action)")
        }
        let draftChange = hook.changes?.draft
        let mapped: PullRequestEvent.Action
        switch attributes.action {
        case "open": mapped = .opened
        case "reopen": mapped = .reopened
        case "update" where attributes.oldrev?.isEmpty == false: mapped = .synchronized
        case "update" where draftChange?.previous == true && draftChange?.current == false: mapped = .readyForReview
        case "update": return .ignored("merge_request update without new commits")
        default: return .ignored("merge_request \(attributes.action)")
        }
        return .pullRequest(
            PullRequestEvent(
                repository: project.pathWithNamespace.id, number: attributes.iid, action: mapped,
                headSHA: attributes.lastCommit.id, isDraft: (attributes.draft ?? attributes.workInProgress) == true))
    }

    /// Comments on merge requests only; edits (`action: update`) are ignored.
    private static func note(_ hook: GitLabDeliveries.NoteHook, payload: WebhookPayload) throws -> WebhookEvent {
        let attributes = hook.objectAttributes
        guard attributes.noteableType == "MergeRequest" else { return .ignored("note on \(attributes.noteableType)") }
        if let action = attributes.action, action != "create" { return .ignored("note \(action)") }
        guard let mergeRequest = hook.mergeRequest else { throw payload.missing("merge_request", expected: "field") }
        let username = hook.user.username
        return .comment(
            CommentEvent(
                repository: hook.project.pathWithNamespace.id, number: mergeRequest.iid,
                commentID: attributes.id.text, author: username,
                authorIsBot: hook.user.bot == true || isBotUsername(username), body: attributes.note))
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

    private static func push(_ hook: GitLabDeliveries.PushHook) -> WebhookEvent {
        .push(
            repository: hook.project.pathWithNamespace.id, ref: hook.ref, after: hook.after,
            isDefaultBranch: hook.project.defaultBranch.map { hook.ref == "refs/heads/" + $0 } == true)
    }
}
