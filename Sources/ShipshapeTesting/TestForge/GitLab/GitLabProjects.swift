import Foundation

/// The caller, users, projects, membership and commit statuses.
enum GitLabProjects {
    static let statusStates = ["pending", "running", "success", "failed", "canceled", "skipped"]

    static func authenticatedUser(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        var user = GitLabJSON(store: store).user(call.user.login)
        user["created_at"] = "2025-01-01T00:00:00Z"
        user["bot"] = call.user.isBot
        user["public_email"] = NSNull()
        return .json(200, user)
    }

    static func users(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let json = GitLabJSON(store: store)
        let matches = store.users.filter { user in
            call.string("username").map { $0.caseInsensitiveCompare(user.login) == .orderedSame } ?? true
        }
        return Pagination.gitlab.respond(matches.map { json.user($0.login) }, to: call, baseURL: store.linkBaseURL)
    }

    static func get(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let project = try call.project(store)
        guard let viewer = store.viewer(call.caller, on: project) else { throw APIFailure.notFound("Project") }
        return .json(200, GitLabJSON(store: store).project(project, viewer: viewer))
    }

    /// 404 for users who are not members (permission "none").
    static func member(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        _ = try call.project(store)
        let id = try call.number("user")
        guard let user = store.users.first(where: { $0.id == id }), let level = GitLabJSON.accessLevel(user.permission)
        else {
            throw APIFailure.notFound()
        }
        var member = GitLabJSON(store: store).user(user.login)
        member["access_level"] = level
        member["created_at"] = "2025-01-01T00:00:00Z"
        member["expires_at"] = NSNull()
        return .json(200, member)
    }

    static func createStatus(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let project = try call.project(store)
        try call.require("write", message: "403 Forbidden")
        guard let state = call.string("state"), statusStates.contains(state) else {
            throw APIFailure.badRequest("state does not have a valid value")
        }
        let status = StoredStatus(
            id: store.nextID(.status), repository: project.fullName, sha: call.parameter("sha"), state: state,
            context: call.string("name") ?? call.string("context") ?? "default",
            description: call.string("description"),
            targetURL: call.string("target_url"), creator: call.user.login, createdAt: store.now())
        store.statuses.append(status)
        return .json(201, GitLabJSON(store: store).status(status))
    }

    static func statuses(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let project = try call.project(store)
        let statuses = store.statuses.filter { $0.repository == project.fullName && $0.sha == call.parameter("sha") }
            .reversed()
        return Pagination.gitlab.respond(
            statuses.map(GitLabJSON(store: store).status), to: call, baseURL: store.linkBaseURL)
    }
}
