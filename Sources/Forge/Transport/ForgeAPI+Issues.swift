import HTTPKit
import JSONKit

/// The issue calls GitHub and Gitea share: the same paths under `repo`, the same bodies and
/// answers (`state` open or closed); only the list's filters differ.
extension ForgeAPI {
    func createGitHubShapedIssue(in repo: String, title: String, body: String) async throws -> Issue {
        try await send(
            .post, "\(repo)/issues", body: ["title": .string(title), "body": .string(body)],
            as: GitHubShapedAnswers.IssueAnswer.self
        ).issue
    }

    func editGitHubShapedIssue(in repo: String, _ number: Int, _ edit: IssueEdit) async throws {
        var fields: [String: JSONValue] = [:]
        if let title = edit.title { fields["title"] = .string(title) }
        if let body = edit.body { fields["body"] = .string(body) }
        if let isOpen = edit.isOpen { fields["state"] = .string(isOpen ? "open" : "closed") }
        guard !fields.isEmpty else { return }
        try await send(.patch, "\(repo)/issues/\(number)", body: .object(fields))
    }
}
