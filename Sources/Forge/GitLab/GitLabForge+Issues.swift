import HTTPKit
import JSONKit

/// Project issues (doc/api/issues.md): listed by `author_username` in every state (or only
/// `opened`), created with a `description`, edited with `state_event` close or reopen. An issue's
/// `iid` is its number.
extension GitLabForge {
    package func issues(openedBy author: String, openOnly: Bool) async throws -> [Issue] {
        try await api.getAll(
            "\(project)/issues", query: [("author_username", author)] + (openOnly ? [("state", "opened")] : []),
            pageSize: Self.pageSize,
            of: GitLabAnswers.IssueAnswer.self
        ).map(\.issue)
    }

    package func createIssue(title: String, body: String) async throws -> Issue {
        try await api.send(
            .post, "\(project)/issues", body: ["title": .string(title), "description": .string(body)],
            as: GitLabAnswers.IssueAnswer.self
        ).issue
    }

    package func editIssue(_ number: Int, _ edit: IssueEdit) async throws {
        var fields: [String: JSONValue] = [:]
        if let title = edit.title { fields["title"] = .string(title) }
        if let body = edit.body { fields["description"] = .string(body) }
        if let isOpen = edit.isOpen { fields["state_event"] = .string(isOpen ? "reopen" : "close") }
        guard !fields.isEmpty else { return }
        try await api.send(.put, "\(project)/issues/\(number)", body: .object(fields))
    }
}
