import Foundation

/// GitLab v4 response objects, with the fields GitLab's own API schemas require.
struct GitLabJSON {
    let store: ForgeStore
    var base: String { store.baseURL }

    func user(_ login: String) -> [String: Any] {
        let id = store.user(login: login)?.id ?? stableNumber(login)
        return [
            "id": id, "username": login, "name": login, "state": "active", "locked": false,
            "avatar_url": "\(base)/uploads/-/system/user/avatar/\(id)/avatar.png", "web_url": "\(base)/\(login)",
        ]
    }

    /// GitLab's access levels: guest 10, reporter 20, developer 30, maintainer 40, owner 50.
    static func accessLevel(_ permission: String) -> Int? {
        ["admin": 50, "maintain": 40, "write": 30, "triage": 20, "read": 10][permission]
    }

    func project(_ repository: StoredRepository, viewer: StoredUser?) -> [String: Any] {
        let namespace = repository.owner
        return [
            "id": repository.id, "description": NSNull(), "name": repository.name,
            "name_with_namespace": "\(namespace) / \(repository.name)",
            "path": repository.name, "path_with_namespace": repository.fullName, "created_at": repository.createdAt,
            "default_branch": repository.defaultBranch, "tag_list": [String](), "topics": [String](),
            "ssh_url_to_repo": "git@localhost:\(repository.fullName).git", "http_url_to_repo": repository.cloneURL,
            "web_url": "\(base)/\(repository.fullName)", "readme_url": NSNull(), "avatar_url": NSNull(),
            "forks_count": 0,
            "star_count": 0, "last_activity_at": repository.createdAt,
            "visibility": repository.isPrivate ? "private" : "internal",
            "archived": false,
            "namespace": [
                "id": stableNumber(namespace), "name": namespace,
                "path": String(namespace.split(separator: "/").last ?? ""),
                "kind": "group", "full_path": namespace, "parent_id": NSNull(), "avatar_url": NSNull(),
                "web_url": "\(base)/groups/\(namespace)",
            ],
            "permissions": [
                "project_access": viewer.flatMap { GitLabJSON.accessLevel($0.permission) }.map {
                    ["access_level": $0, "notification_level": 3] as Any
                } ?? NSNull(), "group_access": NSNull(),
            ],
            "merge_requests_enabled": true, "issues_enabled": true,
            "only_allow_merge_if_all_discussions_are_resolved": false,
        ]
    }

    func mergeRequest(_ pull: StoredPullRequest) -> [String: Any] {
        let project = (try? store.repository(pull.repository))?.id ?? 0
        let source = (try? store.repository(pull.headRepository ?? pull.repository))?.id ?? project
        let discussions = store.comments(pull.repository, pull.number, kind: .inline)
        let state = pull.state == "open" ? "opened" : "closed"
        return [
            "id": pull.id, "iid": pull.number, "project_id": project, "title": pull.title, "description": pull.body,
            "state": state,
            "created_at": pull.createdAt, "updated_at": pull.updatedAt, "merged_by": NSNull(), "merge_user": NSNull(),
            "merged_at": NSNull(),
            "closed_by": NSNull(), "closed_at": pull.closedAt.map { $0 as Any } ?? NSNull(),
            "target_branch": pull.baseBranch,
            "source_branch": pull.headBranch, "upvotes": 0, "downvotes": 0, "author": user(pull.author),
            "assignee": NSNull(),
            "assignees": [Any](), "reviewers": [Any](), "source_project_id": source, "target_project_id": project,
            "labels": pull.labels,
            "draft": pull.draft, "work_in_progress": pull.draft, "milestone": NSNull(),
            "merge_when_pipeline_succeeds": false,
            "merge_status": "can_be_merged", "detailed_merge_status": "mergeable", "sha": pull.headSHA,
            "merge_commit_sha": NSNull(),
            "squash_commit_sha": NSNull(),
            "user_notes_count": store.comments(pull.repository, pull.number, kind: .conversation).count
                + discussions.count,
            "changes_count": String(pull.files.count), "should_remove_source_branch": NSNull(),
            "force_remove_source_branch": NSNull(),
            "discussion_locked": NSNull(), "allow_collaboration": pull.maintainerCanModify,
            "allow_maintainer_to_push": pull.maintainerCanModify,
            "web_url": "\(base)/\(pull.repository)/-/merge_requests/\(pull.number)", "squash": false,
            "has_conflicts": false,
            "blocking_discussions_resolved": discussions.allSatisfy(\.resolved),
            "time_stats": [
                "time_estimate": 0, "total_time_spent": 0, "human_time_estimate": NSNull(),
                "human_total_time_spent": NSNull(),
            ],
            "references": [
                "short": "!\(pull.number)", "relative": "!\(pull.number)", "full": "\(pull.repository)!\(pull.number)",
            ],
            "diff_refs": ["base_sha": pull.baseSHA, "head_sha": pull.headSHA, "start_sha": pull.startSHA],
            "task_completion_status": ["count": 0, "completed_count": 0],
        ]
    }

    /// A note; diff notes (in discussions) carry their `position` and resolution.
    func note(_ comment: StoredComment, includePosition: Bool = true) -> [String: Any] {
        let pull = try? store.pullRequest(comment.repository, comment.pullRequest)
        var object: [String: Any] = [
            "id": comment.id,
            "type": comment.anchor != nil
                ? "DiffNote" as Any : (comment.inReplyTo != nil ? "DiscussionNote" as Any : NSNull()),
            "body": comment.body, "attachment": NSNull(), "author": user(comment.author),
            "created_at": comment.createdAt,
            "updated_at": comment.updatedAt, "system": false, "noteable_id": pull?.id ?? 0,
            "noteable_iid": comment.pullRequest,
            "noteable_type": "MergeRequest", "resolvable": comment.anchor != nil, "confidential": false,
            "internal": false,
            "commands_changes": [String: Any](),
        ]
        if let anchor = comment.anchor {
            object["resolved"] = comment.resolved
            object["resolved_at"] = comment.resolved ? comment.updatedAt : NSNull()
            if includePosition {
                object["resolved_by"] = comment.resolvedBy.map { user($0) as Any } ?? NSNull()
                let startSHA = pull?.versions.last { $0.headSHA == anchor.commitID }?.startSHA ?? anchor.baseSHA
                object["position"] =
                    [
                        "base_sha": anchor.baseSHA, "start_sha": startSHA, "head_sha": anchor.commitID,
                        "position_type": "text",
                        "old_path": pull?.file(anchor.path)?.previousPath ?? anchor.path, "new_path": anchor.path,
                        "old_line": oldLine(of: anchor, in: pull).map { $0 as Any } ?? NSNull(),
                        "new_line": anchor.side == "LEFT" ? NSNull() : anchor.line,
                        "line_range": NSNull(),
                    ] as [String: Any]
            }
        }
        return object
    }

    /// A position's old-side line: the line itself on the old side, the line it was for an
    /// unchanged one, none for an added one.
    private func oldLine(of anchor: StoredAnchor, in pull: StoredPullRequest?) -> Int? {
        guard anchor.side != "LEFT" else { return anchor.line }
        let shown = pull?.file(anchor.path).flatMap { UnifiedPatch($0.patch).line(anchor.line, onNewSide: true) }
        return shown?.kind == .context ? shown?.oldLine : nil
    }

    func discussion(_ id: String, notes: [StoredComment]) -> [String: Any] {
        [
            "id": id,
            "individual_note": notes.first?.anchor == nil && notes.count == 1 && notes.first?.inReplyTo == nil,
            "notes": notes.map { note($0) },
        ]
    }

    func status(_ status: StoredStatus) -> [String: Any] {
        let finished = ["success", "failed", "canceled", "skipped"].contains(status.state)
        return [
            "id": status.id, "sha": status.sha, "ref": NSNull(), "status": status.state, "name": status.context,
            "target_url": status.targetURL.map { $0 as Any } ?? NSNull(),
            "description": status.description.map { $0 as Any } ?? NSNull(),
            "created_at": status.createdAt, "started_at": status.state == "pending" ? NSNull() : status.createdAt,
            "finished_at": finished ? status.createdAt : NSNull(), "allow_failure": false, "coverage": NSNull(),
            "author": user(status.creator),
        ]
    }
}
