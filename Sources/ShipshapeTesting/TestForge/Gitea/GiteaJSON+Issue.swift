import Foundation

extension GiteaJSON {
    /// `Issue` as issueListIssues, issueCreateIssue and issueEditIssue answer it (`pull_request`
    /// null on issues).
    func issue(_ issue: StoredIssue) -> [String: Any] {
        issueObject(
            id: issue.id, number: issue.number, repository: issue.repository, author: issue.author,
            title: issue.title, body: issue.body, state: issue.state, createdAt: issue.createdAt,
            updatedAt: issue.updatedAt, closedAt: issue.closedAt,
            html: "\(base)/\(issue.repository)/issues/\(issue.number)",
            pullRequest: NSNull())
    }

    /// A pull request as the issues list shows it when `type` does not leave it out.
    func issue(of pull: StoredPullRequest) -> [String: Any] {
        let html = "\(base)/\(pull.repository)/pulls/\(pull.number)"
        return issueObject(
            id: pull.id, number: pull.number, repository: pull.repository, author: pull.author, title: pull.title,
            body: pull.body, state: pull.state, createdAt: pull.createdAt, updatedAt: pull.updatedAt,
            closedAt: pull.closedAt, html: html,
            pullRequest: ["merged": false, "merged_at": NSNull(), "draft": pull.draft, "html_url": html])
    }

    private func issueObject(
        id: Int, number: Int, repository: String, author: String, title: String, body: String, state: String,
        createdAt: String, updatedAt: String, closedAt: String?, html: String, pullRequest: Any
    ) -> [String: Any] {
        let stored = try? store.repository(repository)
        return [
            "id": id, "url": "\(api)/repos/\(repository)/issues/\(number)", "html_url": html, "number": number,
            "user": user(author), "original_author": "", "original_author_id": 0, "title": title, "body": body,
            "ref": "", "assets": [Any](), "labels": [Any](), "milestone": NSNull(), "assignee": NSNull(),
            "assignees": NSNull(), "state": state, "is_locked": false, "comments": 0, "created_at": createdAt,
            "updated_at": updatedAt, "closed_at": closedAt.map { $0 as Any } ?? NSNull(), "due_date": NSNull(),
            "pull_request": pullRequest,
            "repository": [
                "id": stored?.id ?? 0, "name": stored?.name ?? "", "owner": stored?.owner ?? "",
                "full_name": repository,
            ],
            "pin_order": 0,
        ]
    }
}
