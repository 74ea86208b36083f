import Foundation
import HTTPKit
import JSONKit

/// GitHub and GitHub Enterprise (REST v3). Check runs need a GitHub App (a personal token gets
/// 403 on the checks API), so with a token the verdict is a commit status.
package struct GitHubForge: Forge {
    package let kind = ForgeKind.github
    package let repository: RepositoryID
    package let capabilities: ForgeCapabilities
    let api: ForgeAPI
    private let login: BotLoginSource

    static let fixedHeaders: [(name: String, value: String)] = [
        ("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", "2022-11-28"), ("User-Agent", "shipshape"),
    ]

    /// `apiRoot`: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.
    /// `botLogin`: the login the bot posts as; nil asks GitHub: GET /app for an App (`<slug>[bot]`),
    /// GET /user for a token, once per process when `logins` is given.
    package init(
        repository: RepositoryID, apiRoot: URL, client: any HTTPClient, credentials: any ForgeCredentials,
        botLogin: String? = nil, logins: BotLoginCache? = nil
    ) {
        self.repository = repository
        api = ForgeAPI(
            root: apiRoot, client: client, credentials: credentials, fixedHeaders: Self.fixedHeaders, forge: .github)
        login = BotLoginSource(configured: botLogin, cache: logins, key: apiRoot.absoluteString)
        var capabilities = ForgeCapabilities(
            checkRuns: credentials is GitHubAppCredentials, resolvableThreads: false,
            maximumCommentLength: 65_536, annotationsPerRequest: 50, suggestionFence: .github)
        capabilities.resolvesEditedThreads = true
        self.capabilities = capabilities
    }

    var repo: String { "/repos/\(ForgeAPI.segment(repository.owner))/\(ForgeAPI.segment(repository.name))" }

    package func botLogin() async throws -> String {
        try await login.login {
            if let app = api.credentials as? GitHubAppCredentials { return try await app.appSlug() + "[bot]" }
            return try await api.get("/user", as: GitHubShapedAnswers.User.self).login
        }
    }

    package func gitCredentials() async throws -> (username: String, token: String)? {
        try await api.credentials.gitToken().map { ("x-access-token", $0) }
    }

    package func repositoryDetails() async throws -> RepositoryDetails {
        try await api.get(repo, as: GitHubShapedAnswers.Repository.self).details
    }

    package func pullRequest(_ number: Int) async throws -> PullRequest {
        try await api.get("\(repo)/pulls/\(number)", as: GitHubShapedPullRequest.self).pullRequest
    }

    package func changedFiles(of number: Int) async throws -> [ChangedFile] {
        try await api.getAll(
            "\(repo)/pulls/\(number)/files", pageSize: ("per_page", 100), of: GitHubShapedAnswers.ChangedFile.self
        ).map { file in
            let status: ChangedFile.Status =
                switch file.status {
                case "added": .added
                case "removed": .removed
                case "renamed": .renamed
                default: .modified
                }
            return ChangedFile(path: file.filename, previousPath: file.previousFilename, status: status)
        }
    }

    /// GitHub requires a body for a COMMENT review, inline comments or not ("Create a review for a
    /// pull request"): an empty one says how many comments the review holds.
    static func reviewBody(_ review: ReviewSubmission) -> String {
        guard review.body.isEmpty else { return review.body }
        let count = review.comments.count
        return "Shipshape left \(count) inline comment\(count == 1 ? "" : "s")."
    }

    package func postReview(on number: Int, _ review: ReviewSubmission) async throws -> [PostedComment] {
        let comments: [JSONValue] = review.comments.map { comment in
            var fields: [String: JSONValue] = [
                "path": .string(comment.path), "line": JSONValue(comment.line), "side": "RIGHT",
                "body": .string(comment.body),
            ]
            if let start = comment.startLine, start < comment.line {
                fields["start_line"] = JSONValue(start)
                fields["start_side"] = "RIGHT"
            }
            return .object(fields)
        }
        let body: JSONValue = [
            "commit_id": .string(review.commitSHA), "body": .string(Self.reviewBody(review)), "event": "COMMENT",
            "comments": .array(comments),
        ]
        let reviewID = try await api.send(
            .post, "\(repo)/pulls/\(number)/reviews", body: body, as: GitHubAnswers.Created.self
        ).id
        return try await inlineComments(on: number).filter { $0.threadID == String(reviewID) }
    }

    package func comments(on number: Int) async throws -> [PostedComment] {
        let conversation = try await api.getAll(
            "\(repo)/issues/\(number)/comments", pageSize: ("per_page", 100), of: GitHubShapedAnswers.Comment.self
        ).map(Self.conversationComment)
        return conversation + (try await inlineComments(on: number))
    }

    private func inlineComments(on number: Int) async throws -> [PostedComment] {
        try await api.getAll(
            "\(repo)/pulls/\(number)/comments", pageSize: ("per_page", 100), of: GitHubAnswers.ReviewComment.self
        ).map(Self.inlineComment)
    }

    static func conversationComment(_ comment: GitHubShapedAnswers.Comment) -> PostedComment {
        PostedComment(id: comment.id.text, kind: .conversation, body: comment.body, author: comment.user.login)
    }

    static func inlineComment(_ comment: GitHubAnswers.ReviewComment) -> PostedComment {
        PostedComment(
            id: comment.id.text, kind: .inline, body: comment.body, author: comment.user.login, path: comment.path,
            line: comment.line ?? comment.originalLine, threadID: comment.pullRequestReviewID?.text)
    }

    package func createComment(on number: Int, body: String) async throws -> PostedComment {
        Self.conversationComment(
            try await api.send(
                .post, "\(repo)/issues/\(number)/comments", body: ["body": .string(body)],
                as: GitHubShapedAnswers.Comment.self))
    }

    /// A review comment is answered in its thread (pulls/create-reply-for-review-comment).
    package func reply(to comment: PostedComment, on number: Int, body: String) async throws -> PostedComment {
        guard comment.kind == .inline else { return try await createComment(on: number, body: body) }
        return Self.inlineComment(
            try await api.send(
                .post, "\(repo)/pulls/\(number)/comments/\(comment.id)/replies", body: ["body": .string(body)],
                as: GitHubAnswers.ReviewComment.self))
    }

    package func updateComment(_ comment: PostedComment, on number: Int, body: String) async throws {
        let path =
            comment.kind == .inline ? "\(repo)/pulls/comments/\(comment.id)" : "\(repo)/issues/comments/\(comment.id)"
        try await api.send(.patch, path, body: ["body": .string(body)])
    }

    package func deleteComment(_ comment: PostedComment, on number: Int) async throws {
        guard comment.kind == .conversation else {
            throw ForgeError.unsupported("deleting review comments (they are edited instead)")
        }
        try await api.send(.delete, "\(repo)/issues/comments/\(comment.id)")
    }

    package func publish(_ check: CommitCheck) async throws {
        if capabilities.checkRuns {
            try await publishCheckRun(check)
        } else {
            let state =
                switch check.conclusion {
                case nil: "pending"
                case .failure: "failure"
                case .success, .neutral: "success"
                }
            var body: [String: JSONValue] = [
                "state": .string(state), "context": .string(check.name),
                "description": .string(String(check.title.prefix(140))),
            ]
            if let url = check.detailsURL { body["target_url"] = .string(url) }
            try await api.send(.post, "\(repo)/statuses/\(check.headSHA)", body: .object(body))
        }
    }

    /// A check run's summary takes at most 65,535 characters; counted here in UTF-16 units, the
    /// largest count any reading of "characters" gives, and cut at a line end with a note.
    static func fitted(_ summary: String, limit: Int = 65_535) -> String {
        guard summary.utf16.count > limit else { return summary }
        let note =
            "\n\n… (cut: GitHub takes at most \(limit) characters; the pull request's summary comment has the rest)"
        // A cut through a surrogate pair leaves one replacement character, never an empty summary.
        var kept = String(decoding: Array(summary.utf16.prefix(limit - note.utf16.count)), as: UTF16.self)
        if let lineEnd = kept.lastIndex(of: "\n") { kept = String(kept[..<lineEnd]) }
        return kept + note
    }

    package func createPullRequest(_ draft: PullRequestDraft) async throws -> PullRequest {
        let created = try await api.send(
            .post, "\(repo)/pulls",
            body: [
                "title": .string(draft.title), "body": .string(draft.body), "head": .string(draft.head),
                "base": .string(draft.base),
            ], as: GitHubShapedPullRequest.self
        ).pullRequest
        if !draft.labels.isEmpty { try await addLabels(draft.labels, to: created.number) }
        return created
    }

    package func updatePullRequest(_ number: Int, title: String?, body: String?) async throws {
        var fields: [String: JSONValue] = [:]
        if let title { fields["title"] = .string(title) }
        if let body { fields["body"] = .string(body) }
        try await api.send(.patch, "\(repo)/pulls/\(number)", body: .object(fields))
    }

    package func openPullRequest(head: String, base: String?) async throws -> PullRequest? {
        var query = [("state", "open"), ("head", repository.owner + ":" + head)]
        if let base { query.append(("base", base)) }
        return try await api.getAll(
            "\(repo)/pulls", query: query, pageSize: ("per_page", 100), of: GitHubShapedPullRequest.self
        ).map(\.pullRequest).first { $0.headBranch == head }
    }

    package func openPullRequests(headPrefix: String) async throws -> [PullRequest] {
        try await api.getAll(
            "\(repo)/pulls", query: [("state", "open")], pageSize: ("per_page", 100), of: GitHubShapedPullRequest.self
        ).map(\.pullRequest).filter { $0.headBranch.hasPrefix(headPrefix) && !$0.isFromFork }
    }

    /// Newest first is GitHub's default order (`sort=created`, `direction=desc`).
    package func latestPullRequest(head: String, base: String) async throws -> PullRequest? {
        let page = try await api.get(
            "\(repo)/pulls",
            query: [("state", "all"), ("head", repository.owner + ":" + head), ("base", base), ("per_page", "1")],
            as: [GitHubShapedPullRequest].self)
        return page.first.map(\.pullRequest).flatMap { $0.headBranch == head ? $0 : nil }
    }

    package func closePullRequest(_ number: Int) async throws {
        try await api.send(.patch, "\(repo)/pulls/\(number)", body: ["state": "closed"])
    }

    package func addLabels(_ labels: [String], to number: Int) async throws {
        try await api.send(
            .post, "\(repo)/issues/\(number)/labels", body: ["labels": .array(labels.map(JSONValue.string))])
    }

    /// Conversation comments are issue comments; review comments have reactions of their own.
    package func react(_ reaction: Reaction, to comment: PostedComment, on number: Int) async throws {
        let kind = comment.kind == .inline ? "pulls" : "issues"
        try await api.send(
            .post, "\(repo)/\(kind)/comments/\(comment.id)/reactions", body: ["content": .string(reaction.rawValue)])
    }

    package func permission(of user: String) async throws -> Permission {
        let path = "\(repo)/collaborators/\(ForgeAPI.segment(user))/permission"
        let (status, answer) = try await api.status(.get, path)
        if status == 404 { return .none }
        guard (200..<300).contains(status) else {
            throw ForgeError.status(
                code: status, method: "GET", path: "\(repo)/collaborators/\(user)/permission", message: "")
        }
        let level = try api.decode(
            GitHubAnswers.CollaboratorPermission.self, from: answer, method: "GET", path: path)
        // `permission` is the base role (a custom role's too); `role_name` only tells maintain and
        // triage apart from the write and read they are folded into.
        switch (level.permission, level.roleName) {
        case ("admin", _): return .admin
        case ("write", "maintain"): return .maintain
        case ("write", _): return .write
        case ("read", "triage"): return .triage
        case ("read", _): return .read
        default: return .none
        }
    }

    /// issues/list-for-repo with `creator`: GitHub lists pull requests among issues, so those go.
    package func issues(openedBy author: String, openOnly: Bool) async throws -> [Issue] {
        try await api.getAll(
            "\(repo)/issues", query: [("state", openOnly ? "open" : "all"), ("creator", author)],
            pageSize: ("per_page", 100),
            of: GitHubShapedAnswers.IssueAnswer.self
        ).filter { !$0.isPullRequest }.map(\.issue)
    }

    package func createIssue(title: String, body: String) async throws -> Issue {
        try await api.createGitHubShapedIssue(in: repo, title: title, body: body)
    }

    package func editIssue(_ number: Int, _ edit: IssueEdit) async throws {
        try await api.editGitHubShapedIssue(in: repo, number, edit)
    }
}
