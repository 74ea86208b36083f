import Foundation

/// A repository's issues: issueListIssues (pull requests among them unless `type=issues`),
/// issueCreateIssue and issueEditIssue (which answers 201, as Gitea's Swagger says). Only the
/// issue's poster and writers may edit it.
enum GiteaRepositoryIssues {
    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let state = call.string("state") ?? "open"
        let open: Bool? = state == "all" ? nil : state == "open"
        let poster = call.string("created_by")
        let json = GiteaJSON(store: store)
        var items: [(number: Int, object: [String: Any])] = []
        if call.string("type") != "pulls" {
            items += store.issues(of: repository.fullName, author: poster, open: open).map {
                ($0.number, json.issue($0))
            }
        }
        if call.string("type") != "issues" {
            items += store.pullRequests.filter { pull in
                pull.repository == repository.fullName && (open.map { $0 == (pull.state == "open") } ?? true)
                    && (poster.map { pull.author.caseInsensitiveCompare($0) == .orderedSame } ?? true)
            }.map { ($0.number, json.issue(of: $0)) }
        }
        return Pagination.gitea.respond(
            items.sorted { $0.number > $1.number }.map(\.object), to: call, baseURL: store.linkBaseURL)
    }

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let title = try call.requireString("title", message: "[Title]: Required")
        let issue = store.openIssue(
            repository: repository.fullName, author: call.user.login, title: title, body: call.string("body") ?? "")
        return .json(201, GiteaJSON(store: store).issue(issue))
    }

    static func edit(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let issue = try store.issue(call.repositoryName, try call.number("index"))
        guard issue.author == call.user.login || call.user.has(atLeast: "write") else {
            throw APIFailure.forbidden("Forbidden")
        }
        var open: Bool?
        if let state = call.string("state") {
            guard ["open", "closed"].contains(state) else { throw APIFailure.unprocessable("unknown state") }
            open = state == "open"
        }
        store.edit(issue, title: call.string("title"), body: call.string("body"), open: open)
        return .json(201, GiteaJSON(store: store).issue(issue))
    }
}
