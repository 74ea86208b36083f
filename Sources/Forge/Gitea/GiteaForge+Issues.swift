import HTTPKit

/// Issues through Gitea's issueListIssues (`type=issues`, `created_by`), issueCreateIssue and
/// issueEditIssue, whose answers share GitHub's issue shape.
extension GiteaForge {
    package func issues(openedBy author: String, openOnly: Bool) async throws -> [Issue] {
        try await api.getAll(
            "\(repo)/issues",
            query: [("state", openOnly ? "open" : "all"), ("type", "issues"), ("created_by", author)],
            pageSize: Self.pageSize, of: GitHubShapedAnswers.IssueAnswer.self
        ).filter { !$0.isPullRequest }.map(\.issue)
    }

    package func createIssue(title: String, body: String) async throws -> Issue {
        try await api.createGitHubShapedIssue(in: repo, title: title, body: body)
    }

    package func editIssue(_ number: Int, _ edit: IssueEdit) async throws {
        try await api.editGitHubShapedIssue(in: repo, number, edit)
    }
}
