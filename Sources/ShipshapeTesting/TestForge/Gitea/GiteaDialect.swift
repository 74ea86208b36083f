import Foundation

/// Gitea's REST API under `/api/v1`, as its Swagger description (Gitea 1.24+) answers it.
struct GiteaDialect: ForgeDialect {
    let apiPrefix = "/api/v1"

    var routes: [ForgeRoute] {
        let repo = "/repos/{owner}/{repo}"
        return [
            ForgeRoute("GET", "/version", requiresToken: false, GiteaRepositories.version),
            ForgeRoute("GET", "/user", GiteaRepositories.authenticatedUser),
            ForgeRoute("GET", repo, GiteaRepositories.get),
            ForgeRoute("GET", "\(repo)/collaborators/{collaborator}/permission", GiteaRepositories.permission),
            ForgeRoute("GET", "\(repo)/pulls", GiteaPulls.list),
            ForgeRoute("POST", "\(repo)/pulls", GiteaPulls.create),
            ForgeRoute("GET", "\(repo)/pulls/{index}", GiteaPulls.get),
            ForgeRoute("PATCH", "\(repo)/pulls/{index}", GiteaPulls.update),
            ForgeRoute("GET", "\(repo)/pulls/{index}/files", GiteaPulls.files),
            ForgeRoute("GET", "\(repo)/pulls/{index}/reviews", GiteaReviews.list),
            ForgeRoute("POST", "\(repo)/pulls/{index}/reviews", GiteaReviews.create),
            ForgeRoute("GET", "\(repo)/pulls/{index}/reviews/{id}", GiteaReviews.get),
            ForgeRoute("POST", "\(repo)/pulls/{index}/reviews/{id}", GiteaReviews.submit),
            ForgeRoute("DELETE", "\(repo)/pulls/{index}/reviews/{id}", GiteaReviews.delete),
            ForgeRoute("GET", "\(repo)/pulls/{index}/reviews/{id}/comments", GiteaReviews.comments),
            ForgeRoute("GET", "\(repo)/pulls/{base}/{head*}", GiteaPulls.byBranches),
            ForgeRoute("GET", "\(repo)/issues", GiteaRepositoryIssues.list),
            ForgeRoute("POST", "\(repo)/issues", GiteaRepositoryIssues.create),
            ForgeRoute("PATCH", "\(repo)/issues/{index}", GiteaRepositoryIssues.edit),
            ForgeRoute("GET", "\(repo)/issues/{index}/comments", GiteaIssues.listComments),
            ForgeRoute("POST", "\(repo)/issues/{index}/comments", GiteaIssues.createComment),
            ForgeRoute("GET", "\(repo)/issues/comments/{id}", GiteaIssues.getComment),
            ForgeRoute("PATCH", "\(repo)/issues/comments/{id}", GiteaIssues.editComment),
            ForgeRoute("DELETE", "\(repo)/issues/comments/{id}", GiteaIssues.deleteComment),
            ForgeRoute("GET", "\(repo)/issues/comments/{id}/reactions", GiteaIssues.reactions),
            ForgeRoute("POST", "\(repo)/issues/comments/{id}/reactions", GiteaIssues.addReaction),
            ForgeRoute("DELETE", "\(repo)/issues/comments/{id}/reactions", GiteaIssues.removeReaction),
            ForgeRoute("POST", "\(repo)/issues/{index}/labels", GiteaIssues.addLabels),
            ForgeRoute("GET", "\(repo)/statuses/{sha}", GiteaStatuses.list),
            ForgeRoute("POST", "\(repo)/statuses/{sha}", GiteaStatuses.create),
            ForgeRoute("GET", "\(repo)/commits/{ref}/status", GiteaStatuses.combined),
            ForgeRoute("GET", "\(repo)/commits/{ref}/statuses", GiteaStatuses.list),
            ForgeRoute("GET", "\(repo)/branches", GiteaRepositories.branches),
            ForgeRoute("POST", "\(repo)/branches", GiteaRepositories.createBranch),
            ForgeRoute("GET", "\(repo)/branches/{branch*}", GiteaRepositories.branch),
            ForgeRoute("DELETE", "\(repo)/branches/{branch*}", GiteaRepositories.deleteBranch),
            ForgeRoute("GET", "\(repo)/git/refs", GiteaRepositories.references),
            ForgeRoute("GET", "\(repo)/git/refs/{ref*}", GiteaRepositories.references),
        ]
    }

    func token(in request: ReceivedRequest) -> String? {
        authorizationCredential(request, schemes: ["token", "Bearer"])
    }

    func errorResponse(_ failure: APIFailure, store: ForgeStore) -> ServedResponse {
        let url = "\(store.baseURL)/api/swagger"
        if failure.status == 404 {
            return .json(404, ["errors": [String](), "message": "The target couldn't be found.", "url": url])
        }
        return .json(failure.status, ["message": failure.message, "url": url])
    }

    func unauthorized(store: ForgeStore) -> ServedResponse {
        .json(401, ["message": "token is required", "url": "\(store.baseURL)/api/swagger"])
    }

    func faultResponse(_ fault: TestForgeState.Fault, store: ForgeStore) -> ServedResponse {
        let url = "\(store.baseURL)/api/swagger"
        switch fault {
        case .status(let status):
            return .json(status, ["message": Self.reason(status), "url": url])
        case .tooManyRequests(let retryAfter), .secondaryRateLimit(let retryAfter):
            return .json(
                429, ["message": "Too Many Requests", "url": url],
                headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
        case .primaryRateLimit(let resetAt):
            return .json(
                429, ["message": "Too Many Requests", "url": url],
                headers: [("Retry-After", String(max(resetAt - store.currentEpochSeconds, 1)))])
        case .slow, .dropConnection, .dropConnectionAfterProcessing:
            return .json(500, ["message": "Internal Server Error", "url": url])
        }
    }

    func finish(_ response: ServedResponse, request: ReceivedRequest, token: String?, store: ForgeStore)
        -> ServedResponse
    {
        response
    }

    func reviews(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] {
        let json = GiteaJSON(store: store)
        return store.reviews.filter { $0.repository == repository && $0.pullRequest == pullRequest }.map(json.review)
    }

    func inlineComments(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] {
        store.comments(repository, pullRequest, kind: .inline).map(GiteaJSON(store: store).reviewComment)
    }

    func conversationComments(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] {
        store.comments(repository, pullRequest, kind: .conversation).map(GiteaJSON(store: store).comment)
    }

    func statuses(_ store: ForgeStore, repository: String, sha: String) -> [[String: Any]] {
        store.statuses.filter { $0.repository == repository && $0.sha == sha }.reversed().map(
            GiteaJSON(store: store).status)
    }

    func pullRequests(_ store: ForgeStore, repository: String) -> [[String: Any]] {
        let json = GiteaJSON(store: store)
        return store.pullRequests.filter { $0.repository == repository }.map { json.pullRequest($0, viewer: nil) }
    }
}
