import Foundation

/// The repository, the caller, collaborator permission, branches and Git references.
enum GiteaRepositories {
    static func version(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        .json(200, ["version": "1.24.0"])
    }

    static func authenticatedUser(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        .json(200, GiteaJSON(store: store).user(call.user.login))
    }

    static func get(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        guard let viewer = store.viewer(call.caller, on: repository) else { throw APIFailure.notFound() }
        return .json(200, GiteaJSON(store: store).repository(repository, viewer: viewer))
    }

    /// Gitea has no maintain/triage roles: they read as write and read; on a public repository
    /// everyone can at least read. Only admins may ask about others: Gitea's `GetRepoPermissions`
    /// (routers/api/v1/repo/collaborators.go) answers 403 unless the caller is a site admin, the
    /// repository's admin, or asks about themself; a bot with a write token is refused.
    static func permission(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let caller = call.user
        guard
            caller.has(atLeast: "admin") || caller.login == repository.owner
                || caller.login.lowercased() == call.parameter("collaborator").lowercased()
        else {
            throw APIFailure.forbidden(
                "Only admins can query all permissions, repo admins can query all repo permissions, "
                    + "collaborators can query only their own")
        }
        guard let user = store.user(login: call.parameter("collaborator")) else { throw APIFailure.notFound() }
        let isOwner = user.login == repository.owner
        let permission =
            isOwner ? "owner" : (["admin": "admin", "maintain": "write", "write": "write"][user.permission] ?? "read")
        return .json(
            200, ["permission": permission, "role_name": permission, "user": GiteaJSON(store: store).user(user.login)])
    }

    static func branches(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let json = GiteaJSON(store: store)
        let branches = repository.branches.keys.sorted().map {
            json.branch($0, sha: repository.branches[$0] ?? "", repository: repository)
        }
        return Pagination.gitea.respond(branches, to: call, baseURL: store.linkBaseURL)
    }

    static func branch(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let name = call.parameter("branch")
        guard let sha = repository.branches[name] else { throw APIFailure.notFound() }
        return .json(200, GiteaJSON(store: store).branch(name, sha: sha, repository: repository))
    }

    static func createBranch(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        try call.require("write", message: "Forbidden")
        let name = try call.requireString("new_branch_name", message: "[NewBranchName]: Required")
        let source = call.string("old_ref_name") ?? call.string("old_branch_name") ?? repository.defaultBranch
        let sourceBranch = source.hasPrefix("refs/heads/") ? String(source.dropFirst("refs/heads/".count)) : source
        guard let sha = repository.branches[sourceBranch] ?? (source.count == 40 ? source : nil) else {
            throw APIFailure(status: 404, message: "The old branch does not exist")
        }
        guard repository.branches[name] == nil else {
            throw APIFailure(status: 409, message: "The branch already exists.")
        }
        repository.branches[name] = sha
        return .json(201, GiteaJSON(store: store).branch(name, sha: sha, repository: repository))
    }

    static func deleteBranch(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        try call.require("write", message: "Forbidden")
        let name = call.parameter("branch")
        guard repository.branches[name] != nil else { throw APIFailure.notFound() }
        guard name != repository.defaultBranch else { throw APIFailure.forbidden("can not delete default branch") }
        repository.branches[name] = nil
        return ServedResponse(status: 204)
    }

    /// All references, or those under the given prefix ("heads/main", "heads/").
    static func references(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let prefix = "refs/" + call.parameter("ref")
        let json = GiteaJSON(store: store)
        let references = repository.branches.keys.sorted().filter { "refs/heads/\($0)".hasPrefix(prefix) }
            .map { json.reference($0, sha: repository.branches[$0] ?? "", repository: repository.fullName) }
        guard !references.isEmpty else { throw APIFailure.notFound() }
        return .json(200, references)
    }
}
