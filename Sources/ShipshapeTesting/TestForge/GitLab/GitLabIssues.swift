import Foundation

/// A project's issues (doc/api/issues.md): listed newest first in every state unless `state`
/// says opened or closed, by `author_username`; created with a title (description optional);
/// edited with PUT, `state_event` close or reopen. Only the author and Reporters or more may edit.
enum GitLabIssues {
    /// GitLab's limit on an issue description, as on a note.
    static let maximumDescriptionLength = 1_048_576

    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let project = try call.project(store)
        let open: Bool?
        switch call.string("state") {
        case nil, "all": open = nil
        case "opened": open = true
        case "closed": open = false
        default: throw APIFailure.badRequest("state does not have a valid value")
        }
        let issues = store.issues(of: project.fullName, author: call.string("author_username"), open: open)
        return Pagination.gitlab.respond(
            issues.map(GitLabJSON(store: store).issue), to: call, baseURL: store.linkBaseURL)
    }

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let project = try call.project(store)
        let title = try call.requireString("title", message: "title is missing", status: 400)
        let issue = store.openIssue(
            repository: project.fullName, author: call.user.login, title: title, body: try description(call) ?? "")
        return .json(201, GitLabJSON(store: store).issue(issue))
    }

    static func update(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let project = try call.project(store)
        let issue = try store.issue(project.fullName, try call.number("iid"))
        guard issue.author == call.user.login || call.user.has(atLeast: "triage") else {
            throw APIFailure.forbidden("403 Forbidden")
        }
        var open: Bool?
        switch call.string("state_event") {
        case nil: break
        case "close": open = false
        case "reopen": open = true
        default: throw APIFailure.badRequest("state_event does not have a valid value")
        }
        store.edit(issue, title: call.string("title"), body: try description(call), open: open)
        return .json(200, GitLabJSON(store: store).issue(issue))
    }

    private static func description(_ call: ForgeCall) throws -> String? {
        guard let description = call.string("description") else { return nil }
        guard description.count <= maximumDescriptionLength else {
            throw APIFailure.badRequest("description is too long (maximum is \(maximumDescriptionLength) characters)")
        }
        return description
    }
}

extension GitLabJSON {
    /// A project issue as the issues API answers it (`state` "opened" or "closed").
    func issue(_ issue: StoredIssue) -> [String: Any] {
        let project = (try? store.repository(issue.repository))?.id ?? 0
        let web = "\(base)/\(issue.repository)/-/issues/\(issue.number)"
        return [
            "id": issue.id, "iid": issue.number, "project_id": project, "title": issue.title,
            "description": issue.body.isEmpty ? NSNull() : issue.body,
            "state": issue.state == "open" ? "opened" : "closed", "created_at": issue.createdAt,
            "updated_at": issue.updatedAt, "closed_at": issue.closedAt.map { $0 as Any } ?? NSNull(),
            "closed_by": issue.closedAt == nil ? NSNull() : user(issue.author), "labels": [String](),
            "milestone": NSNull(), "assignees": [Any](), "author": user(issue.author), "type": "ISSUE",
            "assignee": NSNull(), "user_notes_count": 0, "merge_requests_count": 0, "upvotes": 0, "downvotes": 0,
            "due_date": NSNull(), "confidential": false, "discussion_locked": NSNull(), "issue_type": "issue",
            "web_url": web,
            "time_stats": [
                "time_estimate": 0, "total_time_spent": 0, "human_time_estimate": NSNull(),
                "human_total_time_spent": NSNull(),
            ],
            "task_completion_status": ["count": 0, "completed_count": 0],
            "references": [
                "short": "#\(issue.number)", "relative": "#\(issue.number)",
                "full": "\(issue.repository)#\(issue.number)",
            ],
            "severity": "UNKNOWN", "moved_to_id": NSNull(), "service_desk_reply_to": NSNull(),
        ]
    }
}
