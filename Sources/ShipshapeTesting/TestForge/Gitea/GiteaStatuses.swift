import Foundation

/// Commit statuses: create, list (newest first, paginated) and the combined state per context.
enum GiteaStatuses {
    static let states = ["pending", "success", "error", "failure", "warning", "skipped"]

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        try call.require("write", message: "Forbidden")
        guard let state = call.string("state"), states.contains(state) else {
            throw APIFailure.badRequest("invalid commit status state: \(call.string("state") ?? "")")
        }
        let status = StoredStatus(
            id: store.nextID(.status), repository: repository.fullName, sha: call.parameter("sha"), state: state,
            context: call.string("context") ?? "default", description: call.string("description"),
            targetURL: call.string("target_url"), creator: call.user.login, createdAt: store.now())
        store.statuses.append(status)
        return .json(201, GiteaJSON(store: store).status(status))
    }

    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let sha = resolve(call.parameter(call.parameters["sha"] == nil ? "ref" : "sha"), in: repository)
        var statuses = Array(store.statuses.filter { $0.repository == repository.fullName && $0.sha == sha }.reversed())
        if let state = call.string("state") { statuses = statuses.filter { $0.state == state } }
        if call.string("sort") == "oldest" { statuses.reverse() }
        return Pagination.gitea.respond(
            statuses.map(GiteaJSON(store: store).status), to: call, baseURL: store.linkBaseURL)
    }

    /// The latest status per context; the worst of them is the combined state.
    static func combined(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let sha = resolve(call.parameter("ref"), in: repository)
        var latest: [String: StoredStatus] = [:]
        for status in store.statuses where status.repository == repository.fullName && status.sha == sha {
            latest[status.context] = status
        }
        let statuses = latest.values.sorted { $0.id < $1.id }
        let severity = ["success": 0, "skipped": 0, "warning": 1, "pending": 2, "failure": 3, "error": 4]
        let state = statuses.max { severity[$0.state, default: 0] < severity[$1.state, default: 0] }?.state ?? "pending"
        let json = GiteaJSON(store: store)
        return .json(
            200,
            [
                "state": statuses.isEmpty ? "" : state, "sha": sha, "total_count": statuses.count,
                "statuses": statuses.map(json.status),
                "repository": json.repository(repository, viewer: call.caller),
                "commit_url": "\(json.api)/repos/\(repository.fullName)/commits/\(sha)",
                "url": "\(json.api)/repos/\(repository.fullName)/commits/\(sha)/status",
            ])
    }

    /// A branch name stands for its head commit.
    private static func resolve(_ ref: String, in repository: StoredRepository) -> String {
        repository.branches[ref] ?? ref
    }
}
