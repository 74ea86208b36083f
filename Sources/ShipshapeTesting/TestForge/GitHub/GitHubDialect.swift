import Foundation

/// GitHub's REST API at the server's root, as api.github.com answers it.
struct GitHubDialect: ForgeDialect {
    let apiPrefix = ""
    static let rateLimit = 5000

    var routes: [ForgeRoute] {
        [
            ForgeRoute("GET", "/user", GitHubRepositories.authenticatedUser),
            ForgeRoute("GET", "/rate_limit", GitHubRepositories.rateLimit),
            ForgeRoute("GET", "/app", requiresToken: false, GitHubApp.authenticatedApp),
            ForgeRoute("POST", "/graphql", GitHubGraphQL.handle),
            ForgeRoute(
                "POST", "/app/installations/{installation}/access_tokens", requiresToken: false,
                GitHubApp.createInstallationToken),
            ForgeRoute(
                "GET", "/repos/{owner}/{repo}/installation", requiresToken: false, GitHubApp.repositoryInstallation),
            ForgeRoute("GET", "/repos/{owner}/{repo}", GitHubRepositories.get),
            ForgeRoute(
                "GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", GitHubRepositories.permission),
            ForgeRoute("GET", "/repos/{owner}/{repo}/git/ref/{ref*}", GitHubRepositories.getRef),
            ForgeRoute("POST", "/repos/{owner}/{repo}/git/refs", GitHubRepositories.createRef),
            ForgeRoute("PATCH", "/repos/{owner}/{repo}/git/refs/{ref*}", GitHubRepositories.updateRef),
            ForgeRoute("GET", "/repos/{owner}/{repo}/pulls", GitHubPulls.list),
            ForgeRoute("POST", "/repos/{owner}/{repo}/pulls", GitHubPulls.create),
            ForgeRoute("PATCH", "/repos/{owner}/{repo}/pulls/comments/{comment}", GitHubReviews.updateComment),
            ForgeRoute(
                "POST", "/repos/{owner}/{repo}/pulls/comments/{comment}/reactions",
                GitHubIssues.createReaction(on: .inline)),
            ForgeRoute("GET", "/repos/{owner}/{repo}/pulls/{number}", GitHubPulls.get),
            ForgeRoute("PATCH", "/repos/{owner}/{repo}/pulls/{number}", GitHubPulls.update),
            ForgeRoute("GET", "/repos/{owner}/{repo}/pulls/{number}/files", GitHubPulls.files),
            ForgeRoute("GET", "/repos/{owner}/{repo}/pulls/{number}/comments", GitHubReviews.listComments),
            ForgeRoute("POST", "/repos/{owner}/{repo}/pulls/{number}/comments", GitHubReviews.createComment),
            ForgeRoute(
                "POST", "/repos/{owner}/{repo}/pulls/{number}/comments/{comment}/replies", GitHubReviews.createReply),
            ForgeRoute("GET", "/repos/{owner}/{repo}/pulls/{number}/reviews", GitHubReviews.list),
            ForgeRoute("POST", "/repos/{owner}/{repo}/pulls/{number}/reviews", GitHubReviews.create),
            ForgeRoute("GET", "/repos/{owner}/{repo}/issues", GitHubRepositoryIssues.list),
            ForgeRoute("POST", "/repos/{owner}/{repo}/issues", GitHubRepositoryIssues.create),
            ForgeRoute("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", GitHubRepositoryIssues.update),
            ForgeRoute("GET", "/repos/{owner}/{repo}/issues/{number}/comments", GitHubIssues.listComments),
            ForgeRoute("POST", "/repos/{owner}/{repo}/issues/{number}/comments", GitHubIssues.createComment),
            ForgeRoute("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment}", GitHubIssues.updateComment),
            ForgeRoute("DELETE", "/repos/{owner}/{repo}/issues/comments/{comment}", GitHubIssues.deleteComment),
            ForgeRoute(
                "POST", "/repos/{owner}/{repo}/issues/comments/{comment}/reactions",
                GitHubIssues.createReaction(on: .conversation)),
            ForgeRoute("POST", "/repos/{owner}/{repo}/issues/{number}/labels", GitHubIssues.addLabels),
            ForgeRoute("POST", "/repos/{owner}/{repo}/check-runs", GitHubChecks.create),
            ForgeRoute("PATCH", "/repos/{owner}/{repo}/check-runs/{run}", GitHubChecks.update),
            ForgeRoute("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", GitHubChecks.listForRef),
            ForgeRoute("POST", "/repos/{owner}/{repo}/statuses/{sha}", GitHubChecks.createStatus),
            ForgeRoute("GET", "/repos/{owner}/{repo}/commits/{ref}/statuses", GitHubChecks.listStatuses),
        ]
    }

    func token(in request: ReceivedRequest) -> String? {
        authorizationCredential(request, schemes: ["Bearer", "token"])
    }

    func errorResponse(_ failure: APIFailure, store: ForgeStore) -> ServedResponse {
        var body: [String: Any] = [
            "message": failure.status == 404 ? "Not Found" : failure.message,
            "documentation_url": GitHubJSON.documentation, "status": String(failure.status),
        ]
        if let errors = failure.errors { body["errors"] = errors }
        return .json(failure.status, body)
    }

    func unauthorized(store: ForgeStore) -> ServedResponse {
        .json(401, ["message": "Bad credentials", "documentation_url": GitHubJSON.documentation, "status": "401"])
    }

    func faultResponse(_ fault: TestForgeState.Fault, store: ForgeStore) -> ServedResponse {
        let support =
            "If you reach out to GitHub Support for help, please include the request ID 0000:1111:2222:3333:4444."
        switch fault {
        case .status(let status):
            return .json(
                status,
                [
                    "message": Self.reason(status), "documentation_url": GitHubJSON.documentation,
                    "status": String(status),
                ])
        case .tooManyRequests(let retryAfter):
            return .json(
                429, ["message": "Too Many Requests", "documentation_url": GitHubJSON.documentation, "status": "429"],
                headers: retryAfter.map { [("retry-after", String($0))] } ?? [])
        case .secondaryRateLimit(let retryAfter):
            return .json(
                403,
                [
                    "message":
                        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. \(support)",
                    "documentation_url":
                        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
                    "status": "403",
                ], headers: retryAfter.map { [("retry-after", String($0))] } ?? [])
        case .primaryRateLimit(let resetAt):
            return .json(
                403,
                [
                    "message": "API rate limit exceeded for user ID 1. \(support)",
                    "documentation_url":
                        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit",
                    "status": "403",
                ],
                headers: [
                    ("x-ratelimit-limit", String(Self.rateLimit)), ("x-ratelimit-remaining", "0"),
                    ("x-ratelimit-reset", String(resetAt)),
                    ("x-ratelimit-used", String(Self.rateLimit)), ("x-ratelimit-resource", "core"),
                ])
        case .slow, .dropConnection, .dropConnectionAfterProcessing:
            return .json(500, ["message": "Server Error", "documentation_url": GitHubJSON.documentation])
        }
    }

    /// Rate-limit headers on every answer (counted per token), and an ETag on every GET, with
    /// 304 when `If-None-Match` names it (a 304 does not count against the limit, as on GitHub).
    func finish(_ response: ServedResponse, request: ReceivedRequest, token: String?, store: ForgeStore)
        -> ServedResponse
    {
        var response = response
        let key = token ?? "anonymous"
        let limit = token == nil ? 60 : Self.rateLimit
        var used = store.requestsPerToken[key] ?? 0
        if request.method == "GET", response.status == 200 {
            let etag = "W/\"" + String(format: "%016llx", stableHash(response.body)) + "\""
            response.headers.append(("ETag", etag))
            if let expected = request.header("If-None-Match"),
                expected.replacingOccurrences(of: "W/", with: "") == etag.replacingOccurrences(of: "W/", with: "")
            {
                response = ServedResponse(status: 304, headers: response.headers.filter { $0.name != "Content-Type" })
            }
        }
        if response.status != 304 { used += 1 }
        store.requestsPerToken[key] = used
        response.headers += [
            ("x-ratelimit-limit", String(limit)), ("x-ratelimit-remaining", String(max(limit - used, 0))),
            ("x-ratelimit-reset", String(store.rateLimitReset)), ("x-ratelimit-used", String(used)),
            ("x-ratelimit-resource", "core"),
            ("x-github-media-type", "github.v3; format=json"),
            ("x-github-request-id", String(format: "%04X:%06X", store.comments.count, used)),
        ]
        return response
    }

    func reviews(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] {
        let json = GitHubJSON(store: store)
        return store.reviews.filter { $0.repository == repository && $0.pullRequest == pullRequest }.map(json.review)
    }

    func inlineComments(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] {
        store.comments(repository, pullRequest, kind: .inline).map(GitHubJSON(store: store).reviewComment)
    }

    func conversationComments(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] {
        store.comments(repository, pullRequest, kind: .conversation).map(GitHubJSON(store: store).issueComment)
    }

    func statuses(_ store: ForgeStore, repository: String, sha: String) -> [[String: Any]] {
        store.statuses.filter { $0.repository == repository && $0.sha == sha }.reversed().map(
            GitHubJSON(store: store).status)
    }

    func checkRuns(_ store: ForgeStore, repository: String, sha: String) -> [[String: Any]] {
        let json = GitHubJSON(store: store)
        return store.checkRuns.filter { $0.repository == repository && $0.headSHA == sha }.map { run in
            var object = json.checkRun(run)
            object["annotations"] = run.annotations
            return object
        }
    }

    func pullRequests(_ store: ForgeStore, repository: String) -> [[String: Any]] {
        let json = GitHubJSON(store: store)
        return store.pullRequests.filter { $0.repository == repository }.map {
            json.pullRequest($0, viewer: nil, full: true)
        }
    }
}

extension ForgeStore {
    /// When GitHub's rate-limit window resets: an hour after the stand-in's epoch.
    var rateLimitReset: Int { currentEpochSeconds - (currentEpochSeconds % 3600) + 3600 }
}
