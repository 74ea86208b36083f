import Foundation
import HTTPKit
import JSONKit

/// Gitea and Forgejo (API v1). Only the operations of Gitea's published Swagger are called, with
/// one exception: GET /user, when the bot's login is not configured.
///
/// What Gitea cannot do, said in `capabilities` and in the errors: no check runs (commit statuses
/// instead), no resolving or deleting a single review comment, no multi-line comments (a
/// comment lands on the last line of its range), and inline comments only inside a new review.
package struct GiteaForge: Forge {
    package let kind = ForgeKind.gitea
    package let repository: RepositoryID
    package let capabilities: ForgeCapabilities
    let api: ForgeAPI
    private let login: BotLoginSource

    /// Gitea caps every page at its `MAX_RESPONSE_ITEMS` setting, 50 unless the admin changed it;
    /// asking for more returns 50 anyway, so 50 is the honest page size.
    static let pageSize = (name: "limit", value: 50)

    /// Gitea stores comment bodies as LONGTEXT and documents no limit; a million characters keeps
    /// a runaway comment from reaching the database while never cutting a real review.
    static let maximumCommentLength = 1_000_000

    static let fixedHeaders: [(name: String, value: String)] = [
        ("Accept", "application/json"), ("User-Agent", "shipshape"),
    ]

    /// `apiRoot`: https://HOST/api/v1. `credentials`: a token, conventionally with scheme `.token`.
    /// `botLogin`: the login the bot posts as; nil asks GET /user, once per process when `logins` is given.
    package init(
        repository: RepositoryID, apiRoot: URL, client: any HTTPClient, credentials: any ForgeCredentials,
        botLogin: String? = nil, logins: BotLoginCache? = nil
    ) {
        self.repository = repository
        api = ForgeAPI(
            root: apiRoot, client: client, credentials: credentials, fixedHeaders: Self.fixedHeaders, forge: .gitea)
        login = BotLoginSource(configured: botLogin, cache: logins, key: apiRoot.absoluteString)
        capabilities = ForgeCapabilities(
            checkRuns: false, resolvableThreads: false, maximumCommentLength: Self.maximumCommentLength,
            annotationsPerRequest: 0, suggestionFence: .github)
    }

    var repo: String { "/repos/\(ForgeAPI.segment(repository.owner))/\(ForgeAPI.segment(repository.name))" }

    package func botLogin() async throws -> String {
        // GET /user is not in the Swagger subset the bot is held to; configure `botLogin` to avoid it.
        try await login.login { try await api.get("/user", as: GitHubShapedAnswers.User.self).login }
    }

    /// Gitea takes a token as the password of its owner's login over Git's HTTPS.
    package func gitCredentials() async throws -> (username: String, token: String)? {
        guard let token = try await api.credentials.gitToken() else { return nil }
        return (try await botLogin(), token)
    }

    package func repositoryDetails() async throws -> RepositoryDetails {
        try await api.get(repo, as: GitHubShapedAnswers.Repository.self).details
    }

    package func pullRequest(_ number: Int) async throws -> PullRequest {
        try await api.get("\(repo)/pulls/\(number)", as: GitHubShapedPullRequest.self).pullRequest
    }

    package func changedFiles(of number: Int) async throws -> [ChangedFile] {
        try await api.getAll(
            "\(repo)/pulls/\(number)/files", pageSize: Self.pageSize, of: GitHubShapedAnswers.ChangedFile.self
        ).map(GiteaPayloads.changedFile)
    }

    /// Gitea's state names: "pending", "success", "error", "failure", "warning".
    package func publish(_ check: CommitCheck) async throws {
        var body: [String: JSONValue] = [
            "state": .string(GiteaPayloads.statusState(for: check.conclusion)), "context": .string(check.name),
            "description": .string(check.title),
        ]
        if let url = check.detailsURL { body["target_url"] = .string(url) }
        try await api.send(.post, "\(repo)/statuses/\(ForgeAPI.segment(check.headSHA))", body: .object(body))
    }

    /// Gitea's create option takes label ids only; the labels are added by name afterwards.
    package func createPullRequest(_ draft: PullRequestDraft) async throws -> PullRequest {
        var created = try await api.send(
            .post, "\(repo)/pulls",
            body: [
                "title": .string(draft.title), "body": .string(draft.body), "head": .string(draft.head),
                "base": .string(draft.base),
            ], as: GitHubShapedPullRequest.self
        ).pullRequest
        if !draft.labels.isEmpty {
            try await addLabels(draft.labels, to: created.number)
            created.labels += draft.labels.filter { !created.labels.contains($0) }
        }
        return created
    }

    package func updatePullRequest(_ number: Int, title: String?, body: String?) async throws {
        var fields: [String: JSONValue] = [:]
        if let title { fields["title"] = .string(title) }
        if let body { fields["body"] = .string(body) }
        guard !fields.isEmpty else { return }
        try await api.send(.patch, "\(repo)/pulls/\(number)", body: .object(fields))
    }

    /// Lists the open pull requests (filtered by base where given) and keeps the one whose head is
    /// `head` in this repository, not a fork's branch of the same name.
    package func openPullRequest(head: String, base: String?) async throws -> PullRequest? {
        var query = [("state", "open")]
        if let base { query.append(("base_branch", base)) }
        return try await api.getAll(
            "\(repo)/pulls", query: query, pageSize: Self.pageSize, of: GitHubShapedPullRequest.self
        )
        .map(\.pullRequest).first { $0.headBranch == head && !$0.isFromFork && (base == nil || $0.baseBranch == base) }
    }

    package func openPullRequests(headPrefix: String) async throws -> [PullRequest] {
        try await api.getAll(
            "\(repo)/pulls", query: [("state", "open")], pageSize: Self.pageSize, of: GitHubShapedPullRequest.self
        ).map(\.pullRequest).filter { $0.headBranch.hasPrefix(headPrefix) && !$0.isFromFork }
    }

    /// The highest-numbered one of the pull requests into `base`, of every state. Not
    /// `pulls/{base}/{head}`: Gitea answers that with no ordering (in practice the oldest), so a
    /// closed upgrade would be missed behind an older merged one and proposed again.
    package func latestPullRequest(head: String, base: String) async throws -> PullRequest? {
        try await api.getAll(
            "\(repo)/pulls", query: [("state", "all"), ("base_branch", base)], pageSize: Self.pageSize,
            of: GitHubShapedPullRequest.self
        )
        .map(\.pullRequest)
        .filter { $0.headBranch == head && !$0.isFromFork }
        .max { $0.number < $1.number }
    }

    package func closePullRequest(_ number: Int) async throws {
        try await api.send(.patch, "\(repo)/pulls/\(number)", body: ["state": "closed"])
    }

    /// IssueLabelsOption takes label names as well as ids; names it is.
    package func addLabels(_ labels: [String], to number: Int) async throws {
        guard !labels.isEmpty else { return }
        try await api.send(
            .post, "\(repo)/issues/\(number)/labels", body: ["labels": .array(labels.map(JSONValue.string))])
    }

    /// Only site admins, the repository's admins and the user themself may ask (Gitea's
    /// `GetRepoPermissions`); a 403 says the bot's token lacks admin rights on the repository.
    /// Commands do not need this: a Gitea comment delivery states its author's access
    /// (`CommentEvent.authorPermission`).
    package func permission(of user: String) async throws -> Permission {
        let path = "\(repo)/collaborators/\(ForgeAPI.segment(user))/permission"
        let (status, answer) = try await api.status(.get, path)
        switch status {
        case 404: return .none
        case 200..<300:
            return GiteaPayloads.permission(
                try api.decode(GiteaAnswers.CollaboratorPermission.self, from: answer, method: "GET", path: path))
        case 403:
            throw ForgeError.status(
                code: status, method: "GET", path: path,
                message:
                    "Gitea tells only admins \(user)'s permission; the bot's token needs admin rights on \(repository) to ask"
            )
        default:
            throw ForgeError.status(
                code: status, method: "GET", path: path, message: ForgeAPI.message(in: answer))
        }
    }
}
