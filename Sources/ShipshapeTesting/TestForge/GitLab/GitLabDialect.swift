import Foundation

/// GitLab's REST API v4 under `/api/v4`.
struct GitLabDialect: ForgeDialect {
    let apiPrefix = "/api/v4"

    var routes: [ForgeRoute] {
        let mr = "/projects/{id}/merge_requests/{iid}"
        return [
            ForgeRoute("GET", "/user", GitLabProjects.authenticatedUser),
            ForgeRoute("GET", "/users", GitLabProjects.users),
            ForgeRoute("GET", "/projects/{id}", GitLabProjects.get),
            ForgeRoute("GET", "/projects/{id}/members/all/{user}", GitLabProjects.member),
            ForgeRoute("POST", "/projects/{id}/statuses/{sha}", GitLabProjects.createStatus),
            ForgeRoute("GET", "/projects/{id}/repository/commits/{sha}/statuses", GitLabProjects.statuses),
            ForgeRoute("GET", "/projects/{id}/issues", GitLabIssues.list),
            ForgeRoute("POST", "/projects/{id}/issues", GitLabIssues.create),
            ForgeRoute("PUT", "/projects/{id}/issues/{iid}", GitLabIssues.update),
            ForgeRoute("GET", "/projects/{id}/merge_requests", GitLabMergeRequests.list),
            ForgeRoute("POST", "/projects/{id}/merge_requests", GitLabMergeRequests.create),
            ForgeRoute("GET", mr, GitLabMergeRequests.get),
            ForgeRoute("PUT", mr, GitLabMergeRequests.update),
            ForgeRoute("GET", "\(mr)/diffs", GitLabMergeRequests.diffs),
            ForgeRoute("GET", "\(mr)/versions", GitLabMergeRequests.versions),
            ForgeRoute("GET", "\(mr)/notes", GitLabNotes.list),
            ForgeRoute("POST", "\(mr)/notes", GitLabNotes.create),
            ForgeRoute("GET", "\(mr)/notes/{note}", GitLabNotes.get),
            ForgeRoute("PUT", "\(mr)/notes/{note}", GitLabNotes.update),
            ForgeRoute("DELETE", "\(mr)/notes/{note}", GitLabNotes.delete),
            ForgeRoute("GET", "\(mr)/notes/{note}/award_emoji", GitLabNotes.awards),
            ForgeRoute("POST", "\(mr)/notes/{note}/award_emoji", GitLabNotes.award),
            ForgeRoute("GET", "\(mr)/discussions", GitLabDiscussions.list),
            ForgeRoute("POST", "\(mr)/discussions", GitLabDiscussions.create),
            ForgeRoute("GET", "\(mr)/discussions/{discussion}", GitLabDiscussions.get),
            ForgeRoute("PUT", "\(mr)/discussions/{discussion}", GitLabDiscussions.resolve),
            ForgeRoute("POST", "\(mr)/discussions/{discussion}/notes", GitLabDiscussions.reply),
            ForgeRoute("PUT", "\(mr)/discussions/{discussion}/notes/{note}", GitLabNotes.update),
            ForgeRoute("DELETE", "\(mr)/discussions/{discussion}/notes/{note}", GitLabNotes.delete),
        ]
    }

    func token(in request: ReceivedRequest) -> String? {
        request.header("PRIVATE-TOKEN") ?? authorizationCredential(request, schemes: ["Bearer"])
    }

    /// GitLab's messages start with the status: "404 Project Not Found"; validation errors keep
    /// the message they were given (a string or a field → errors object).
    func errorResponse(_ failure: APIFailure, store: ForgeStore) -> ServedResponse {
        switch failure.status {
        case 404:
            let what = failure.message == "Not Found" ? "Not found" : "\(failure.message) Not Found"
            return .json(404, ["message": "404 \(what)"])
        case 403:
            return .json(403, ["message": "403 Forbidden"])
        default:
            if let fields = failure.errors?.first as? [String: Any] {
                return .json(failure.status, ["message": fields])
            }
            if let messages = failure.errors as? [String] { return .json(failure.status, ["message": messages]) }
            return .json(failure.status, ["message": failure.message])
        }
    }

    func unauthorized(store: ForgeStore) -> ServedResponse {
        .json(401, ["message": "401 Unauthorized"])
    }

    func faultResponse(_ fault: TestForgeState.Fault, store: ForgeStore) -> ServedResponse {
        switch fault {
        case .status(let status):
            return .json(status, ["message": "\(status) \(Self.reason(status))"])
        case .tooManyRequests(let retryAfter), .secondaryRateLimit(let retryAfter):
            return ServedResponse(
                status: 429,
                headers: [("Content-Type", "text/plain"), ("RateLimit-Remaining", "0")]
                    + (retryAfter.map { [("Retry-After", String($0))] } ?? []), body: Data("Retry later\n".utf8))
        case .primaryRateLimit(let resetAt):
            return ServedResponse(
                status: 429,
                headers: [
                    ("Content-Type", "text/plain"),
                    ("Retry-After", String(max(resetAt - store.currentEpochSeconds, 1))),
                    ("RateLimit-Remaining", "0"), ("RateLimit-Reset", String(resetAt)),
                ],
                body: Data("Retry later\n".utf8))
        case .slow, .dropConnection, .dropConnectionAfterProcessing:
            return .json(500, ["message": "500 Internal Server Error"])
        }
    }

    func finish(_ response: ServedResponse, request: ReceivedRequest, token: String?, store: ForgeStore)
        -> ServedResponse
    {
        response
    }

    func reviews(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] {
        let json = GitLabJSON(store: store)
        return discussionGroups(store, repository, pullRequest).filter { $0.notes.first?.anchor != nil }
            .map { json.discussion($0.id, notes: $0.notes) }
    }

    func inlineComments(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] {
        store.comments(repository, pullRequest, kind: .inline).map { GitLabJSON(store: store).note($0) }
    }

    func conversationComments(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] {
        store.comments(repository, pullRequest, kind: .conversation).map { GitLabJSON(store: store).note($0) }
    }

    func statuses(_ store: ForgeStore, repository: String, sha: String) -> [[String: Any]] {
        store.statuses.filter { $0.repository == repository && $0.sha == sha }.reversed().map(
            GitLabJSON(store: store).status)
    }

    func pullRequests(_ store: ForgeStore, repository: String) -> [[String: Any]] {
        store.pullRequests.filter { $0.repository == repository }.map(GitLabJSON(store: store).mergeRequest)
    }

    /// The merge request's notes grouped by discussion, in the order the discussions started.
    func discussionGroups(_ store: ForgeStore, _ repository: String, _ pullRequest: Int) -> [(
        id: String, notes: [StoredComment]
    )] {
        var groups: [(id: String, notes: [StoredComment])] = []
        for comment in store.comments where comment.repository == repository && comment.pullRequest == pullRequest {
            let id = comment.discussionID ?? stableHexID("note:\(comment.id)")
            if let index = groups.firstIndex(where: { $0.id == id }) {
                groups[index].notes.append(comment)
            } else {
                groups.append((id, [comment]))
            }
        }
        return groups
    }
}

extension ForgeCall {
    /// The project from `{id}`: a numeric id or a URL-encoded path ("group%2Fsub%2Fname").
    func project(_ store: ForgeStore) throws -> StoredRepository {
        let id = parameter("id")
        if let number = Int(id) { return try store.repository(id: number) }
        return try store.repository(id)
    }

    func mergeRequest(_ store: ForgeStore) throws -> StoredPullRequest {
        try store.pullRequest(try project(store).fullName, try number("iid"))
    }
}
