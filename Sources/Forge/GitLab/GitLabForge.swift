import Foundation
import HTTPKit
import JSONKit

/// GitLab (REST v4), gitlab.com or self-managed. A merge request is the bot's pull request, its
/// `iid` the number. No check runs: the verdict is a commit status. Threads (discussions) can be
/// resolved, and inline comments are discussions anchored by a diff position.
package struct GitLabForge: Forge {
    package let kind = ForgeKind.gitlab
    package let repository: RepositoryID
    package let capabilities: ForgeCapabilities
    let api: ForgeAPI
    private let login: BotLoginSource

    /// GitLab's largest page.
    static let pageSize = (name: "per_page", value: 100)

    /// GitLab's documented limit on a note's body.
    static let maximumNoteLength = 1_000_000

    static let fixedHeaders: [(name: String, value: String)] = [
        ("Accept", "application/json"), ("User-Agent", "shipshape"),
    ]

    /// `apiRoot`: https://HOST/api/v4. `credentials`: a token with scheme `.privateToken` (personal,
    /// project or group access token) or `.bearer` (OAuth). `botLogin`: the username the bot posts
    /// as; nil asks GET /user, once per process when `logins` is given.
    package init(
        repository: RepositoryID, apiRoot: URL, client: any HTTPClient, credentials: any ForgeCredentials,
        botLogin: String? = nil, logins: BotLoginCache? = nil
    ) {
        self.repository = repository
        api = ForgeAPI(
            root: apiRoot, client: client, credentials: credentials, fixedHeaders: Self.fixedHeaders, forge: .gitlab)
        login = BotLoginSource(configured: botLogin, cache: logins, key: apiRoot.absoluteString)
        capabilities = ForgeCapabilities(
            checkRuns: false, resolvableThreads: true, maximumCommentLength: Self.maximumNoteLength,
            annotationsPerRequest: 0, suggestionFence: .gitlab)
    }

    /// The project by its full path, URL-encoded as one segment: /projects/group%2Fsub%2Fname.
    var project: String { "/projects/\(ForgeAPI.segment(repository.fullName))" }

    func mergeRequest(_ number: Int) -> String { "\(project)/merge_requests/\(number)" }

    package func botLogin() async throws -> String {
        try await login.login { try await api.get("/user", as: GitLabAnswers.User.self).username }
    }

    /// GitLab takes a personal, project or OAuth token as the password of the user `oauth2`.
    package func gitCredentials() async throws -> (username: String, token: String)? {
        try await api.credentials.gitToken().map { ("oauth2", $0) }
    }

    package func repositoryDetails() async throws -> RepositoryDetails {
        try await api.get(project, as: GitLabAnswers.Project.self).details
    }

    package func pullRequest(_ number: Int) async throws -> PullRequest {
        try await resolved(try await api.get(mergeRequest(number), as: GitLabAnswers.MergeRequest.self))
    }

    /// The merge request with the clone URLs GitLab leaves out of it: the project's, and the
    /// source project's when the merge request comes from a fork.
    func resolved(_ mergeRequest: GitLabAnswers.MergeRequest) async throws -> PullRequest {
        let cloneURL = try await httpCloneURL(of: project)
        var forkCloneURL: String?
        if mergeRequest.isFromFork {
            forkCloneURL = try await httpCloneURL(of: "/projects/\(mergeRequest.sourceProjectID)")
        }
        return GitLabPayloads.pullRequest(mergeRequest, cloneURL: cloneURL, forkCloneURL: forkCloneURL)
    }

    private func httpCloneURL(of projectPath: String) async throws -> String {
        try await api.get(projectPath, as: GitLabAnswers.CloneURL.self).httpURLToRepo
    }

    /// GET …/diffs (GitLab 15.7+), paginated; …/changes, its predecessor, is deprecated and
    /// returns every file in one response.
    package func changedFiles(of number: Int) async throws -> [ChangedFile] {
        try await api.getAll("\(mergeRequest(number))/diffs", pageSize: Self.pageSize, of: GitLabAnswers.Diff.self).map(
            GitLabPayloads.changedFile)
    }

    /// A commit status named after the check. GitLab refuses to set a status to the state it is
    /// already in ("Cannot transition status via :enqueue from :pending"): for a pending status
    /// that means the status is as asked, so that answer is taken for success.
    package func publish(_ check: CommitCheck) async throws {
        let state = GitLabPayloads.statusState(for: check.conclusion)
        var body: [String: JSONValue] = [
            "state": .string(state), "name": .string(check.name), "description": .string(check.title),
        ]
        if let url = check.detailsURL { body["target_url"] = .string(url) }
        do {
            try await api.send(.post, "\(project)/statuses/\(ForgeAPI.segment(check.headSHA))", body: .object(body))
        } catch let error as ForgeError {
            guard state == "pending", case .status(400, _, _, let message) = error,
                message.contains("Cannot transition status")
            else { throw error }
        }
    }

    package func createPullRequest(_ draft: PullRequestDraft) async throws -> PullRequest {
        var body: [String: JSONValue] = [
            "source_branch": .string(draft.head), "target_branch": .string(draft.base), "title": .string(draft.title),
            "description": .string(draft.body),
        ]
        if !draft.labels.isEmpty { body["labels"] = .string(draft.labels.joined(separator: ",")) }
        return try await resolved(
            try await api.send(
                .post, "\(project)/merge_requests", body: .object(body), as: GitLabAnswers.MergeRequest.self))
    }

    package func updatePullRequest(_ number: Int, title: String?, body: String?) async throws {
        var fields: [String: JSONValue] = [:]
        if let title { fields["title"] = .string(title) }
        if let body { fields["description"] = .string(body) }
        guard !fields.isEmpty else { return }
        try await api.send(.put, mergeRequest(number), body: .object(fields))
    }

    /// The opened merge request from branch `head` of this project (not a fork's branch of the
    /// same name), read again by itself: list entries carry no `diff_refs`, so no base SHA.
    package func openPullRequest(head: String, base: String?) async throws -> PullRequest? {
        var query = [("source_branch", head), ("state", "opened")]
        if let base { query.append(("target_branch", base)) }
        let found = try await api.getAll(
            "\(project)/merge_requests", query: query, pageSize: Self.pageSize, of: GitLabAnswers.MergeRequest.self
        ).first { $0.sourceBranch == head && !$0.isFromFork }
        guard let found else { return nil }
        return try await pullRequest(found.iid)
    }

    /// From the list entries alone (no `diff_refs`, so no base commit): enough to count and name them.
    package func openPullRequests(headPrefix: String) async throws -> [PullRequest] {
        let cloneURL = try await httpCloneURL(of: project)
        return try await api.getAll(
            "\(project)/merge_requests", query: [("state", "opened")], pageSize: Self.pageSize,
            of: GitLabAnswers.MergeRequest.self
        )
        .filter { !$0.isFromFork && $0.sourceBranch.hasPrefix(headPrefix) }
        .map { GitLabPayloads.pullRequest($0, cloneURL: cloneURL, forkCloneURL: nil) }
    }

    /// Newest first is GitLab's default order (`order_by=created_at`, `sort=desc`).
    package func latestPullRequest(head: String, base: String) async throws -> PullRequest? {
        let page = try await api.get(
            "\(project)/merge_requests",
            query: [("state", "all"), ("source_branch", head), ("target_branch", base), ("per_page", "1")],
            as: [GitLabAnswers.MergeRequest].self)
        guard let entry = page.first, !entry.isFromFork else { return nil }
        return GitLabPayloads.pullRequest(entry, cloneURL: try await httpCloneURL(of: project), forkCloneURL: nil)
    }

    package func closePullRequest(_ number: Int) async throws {
        try await api.send(.put, mergeRequest(number), body: ["state_event": "close"])
    }

    /// `add_labels` adds to the merge request's labels (`labels` would replace them).
    package func addLabels(_ labels: [String], to number: Int) async throws {
        guard !labels.isEmpty else { return }
        try await api.send(.put, mergeRequest(number), body: ["add_labels": .string(labels.joined(separator: ","))])
    }

    /// The user's id by username, then their membership of the project, inherited from groups
    /// included (members/all). Not a member, or no such user: no permission.
    package func permission(of user: String) async throws -> Permission {
        let users = try await api.get("/users", query: [("username", user)], as: [GitLabAnswers.UserID].self)
        guard let id = users.first?.id else { return .none }
        let path = "\(project)/members/all/\(id)"
        let (status, member) = try await api.status(.get, path)
        switch status {
        case 404: return .none
        case 200..<300:
            return GitLabPayloads.permission(
                accessLevel: try api.decode(GitLabAnswers.Member.self, from: member, method: "GET", path: path)
                    .accessLevel)
        default:
            throw ForgeError.status(
                code: status, method: "GET", path: path, message: ForgeAPI.message(in: member))
        }
    }
}
