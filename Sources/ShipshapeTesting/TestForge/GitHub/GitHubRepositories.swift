import Foundation

/// repos/get, the collaborator permission, Git refs, rate limit and the authenticated user.
enum GitHubRepositories {
    static func get(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        guard let viewer = store.viewer(call.caller, on: repository) else { throw APIFailure.notFound() }
        return .json(200, GitHubJSON(store: store).repository(repository, viewer: viewer))
    }

    /// GitHub reports admin/write/read/none in `permission` and the finer role in `role_name`.
    static func permission(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        _ = try store.repository(call.repositoryName)
        guard let user = store.user(login: call.parameter("username")) else {
            throw APIFailure.notFound()
        }
        // "Get repository permissions for a user" (docs.github.com/en/rest/collaborators):
        // `permission` is admin, write, read or none (maintain counts as write, triage as read),
        // `role_name` the role itself, a custom role's own name included.
        let coarse =
            ["admin": "admin", "maintain": "write", "write": "write", "triage": "read", "read": "read"][user.permission]
            ?? "none"
        return .json(
            200,
            [
                "permission": coarse, "role_name": user.customRole ?? user.permission,
                "user": GitHubJSON(store: store).user(user.login),
            ])
    }

    static func getRef(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let ref = call.parameter("ref")
        guard ref.hasPrefix("heads/"), let sha = repository.branches[String(ref.dropFirst("heads/".count))] else {
            throw APIFailure.notFound()
        }
        return .json(
            200,
            GitHubJSON(store: store).gitRef(
                String(ref.dropFirst("heads/".count)), sha: sha, repository: repository.fullName))
    }

    static func createRef(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        try call.require("write", message: "Resource not accessible by integration")
        guard let ref = call.string("ref"), ref.hasPrefix("refs/"), ref.split(separator: "/").count >= 3 else {
            throw APIFailure.unprocessable("Reference name must start with 'refs/' and have at least two slashes.")
        }
        let sha = try call.requireString("sha", message: "Invalid request.\n\n\"sha\" wasn't supplied.")
        guard ref.hasPrefix("refs/heads/") else {
            throw APIFailure.unprocessable("Only branch references are kept by this stand-in")
        }
        let branch = String(ref.dropFirst("refs/heads/".count))
        guard repository.branches[branch] == nil else { throw APIFailure.unprocessable("Reference already exists") }
        repository.branches[branch] = sha
        return .json(201, GitHubJSON(store: store).gitRef(branch, sha: sha, repository: repository.fullName))
    }

    static func updateRef(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        try call.require("write", message: "Resource not accessible by integration")
        let ref = call.parameter("ref")
        let branch = String(ref.dropFirst(ref.hasPrefix("heads/") ? "heads/".count : 0))
        guard ref.hasPrefix("heads/"), repository.branches[branch] != nil else {
            throw APIFailure.unprocessable("Reference does not exist")
        }
        repository.branches[branch] = try call.requireString(
            "sha", message: "Invalid request.\n\n\"sha\" wasn't supplied.")
        for pull in store.pullRequests
        where (pull.headRepository ?? pull.repository) == repository.fullName && pull.headBranch == branch {
            pull.headSHA = repository.branches[branch] ?? pull.headSHA
            pull.versions.append(
                StoredVersion(
                    id: store.nextID(.version), headSHA: pull.headSHA, baseSHA: pull.baseSHA, startSHA: pull.startSHA,
                    createdAt: store.now()))
        }
        return .json(
            200,
            GitHubJSON(store: store).gitRef(
                branch, sha: repository.branches[branch] ?? "", repository: repository.fullName))
    }

    static func rateLimit(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let used = store.requestsPerToken[GitHubDialect().token(in: call.request) ?? "anonymous"] ?? 0
        let core: [String: Any] = [
            "limit": GitHubDialect.rateLimit, "remaining": GitHubDialect.rateLimit - used,
            "reset": store.rateLimitReset, "used": used,
        ]
        let search: [String: Any] = ["limit": 30, "remaining": 30, "reset": store.rateLimitReset, "used": 0]
        return .json(200, ["resources": ["core": core, "search": search, "graphql": core], "rate": core])
    }

    /// GitHub refuses `GET /user` to installation tokens: an app learns its name from the app, not from /user.
    static func authenticatedUser(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        guard !call.user.isInstallation else { throw APIFailure.forbidden("Resource not accessible by integration") }
        var user = GitHubJSON(store: store).user(call.user.login)
        user["name"] = call.user.login
        user["created_at"] = "2025-01-01T00:00:00Z"
        user["updated_at"] = "2025-01-01T00:00:00Z"
        return .json(200, user)
    }
}
