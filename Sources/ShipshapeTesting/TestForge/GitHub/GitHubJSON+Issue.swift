import Foundation

extension GitHubJSON {
    /// `issue` as issues/get and issues/list-for-repo answer it.
    func issue(_ issue: StoredIssue) -> [String: Any] {
        issueObject(
            id: issue.id, number: issue.number, repository: issue.repository, author: issue.author,
            title: issue.title, body: issue.body, state: issue.state, labels: [], createdAt: issue.createdAt,
            updatedAt: issue.updatedAt, closedAt: issue.closedAt,
            comments: 0, html: "\(base)/\(issue.repository)/issues/\(issue.number)")
    }

    /// A pull request as the issues list shows it: an issue with a `pull_request` object.
    func issue(of pull: StoredPullRequest) -> [String: Any] {
        let html = "\(base)/\(pull.repository)/pull/\(pull.number)"
        var object = issueObject(
            id: pull.id, number: pull.number, repository: pull.repository, author: pull.author, title: pull.title,
            body: pull.body, state: pull.state, labels: pull.labels, createdAt: pull.createdAt,
            updatedAt: pull.updatedAt, closedAt: pull.closedAt,
            comments: store.comments(pull.repository, pull.number, kind: .conversation).count, html: html)
        object["pull_request"] = [
            "url": "\(base)/repos/\(pull.repository)/pulls/\(pull.number)", "html_url": html,
            "diff_url": html + ".diff", "patch_url": html + ".patch", "merged_at": NSNull(),
        ]
        return object
    }

    private func issueObject(
        id: Int, number: Int, repository: String, author: String, title: String, body: String, state: String,
        labels: [String], createdAt: String, updatedAt: String, closedAt: String?, comments: Int, html: String
    ) -> [String: Any] {
        let api = "\(base)/repos/\(repository)/issues/\(number)"
        return [
            "id": id, "node_id": nodeID("Issue", id), "url": api, "repository_url": "\(base)/repos/\(repository)",
            "labels_url": api + "/labels{/name}", "comments_url": api + "/comments", "events_url": api + "/events",
            "html_url": html, "number": number, "state": state,
            "state_reason": state == "closed" ? "completed" : NSNull(), "title": title,
            "body": body.isEmpty ? NSNull() : body, "user": user(author),
            "labels": labels.map { label($0, repository: repository) }, "assignee": NSNull(), "assignees": [Any](),
            "milestone": NSNull(), "locked": false, "active_lock_reason": NSNull(), "comments": comments,
            "closed_at": closedAt.map { $0 as Any } ?? NSNull(), "created_at": createdAt, "updated_at": updatedAt,
            "author_association": authorAssociation(author, repository: repository),
        ]
    }
}
