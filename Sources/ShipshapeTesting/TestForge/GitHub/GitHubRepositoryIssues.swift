import Foundation

/// A repository's issues: issues/list-for-repo (pull requests listed among them, as GitHub does),
/// issues/create and issues/update. Anyone who can read the repository may open an issue; only its
/// author and people with triage access or more may edit it.
enum GitHubRepositoryIssues {
    /// GitHub's limit on an issue's body, in characters (the same as a comment's).
    static let maximumBodyLength = 65_536

    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let state = call.string("state") ?? "open"
        guard ["open", "closed", "all"].contains(state) else {
            throw APIFailure.unprocessable("Validation Failed")
        }
        let open: Bool? = state == "all" ? nil : state == "open"
        let creator = call.string("creator")
        let json = GitHubJSON(store: store)
        var items = store.issues(of: repository.fullName, author: creator, open: open).map {
            (number: $0.number, object: json.issue($0))
        }
        items += store.pullRequests.filter { pull in
            pull.repository == repository.fullName && (open.map { $0 == (pull.state == "open") } ?? true)
                && (creator.map { pull.author.caseInsensitiveCompare($0) == .orderedSame } ?? true)
        }.map { (number: $0.number, object: json.issue(of: $0)) }
        let newestFirst = items.sorted { $0.number > $1.number }.map(\.object)
        return Pagination.github.respond(newestFirst, to: call, baseURL: store.linkBaseURL)
    }

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let title = try call.requireString("title", message: "Validation Failed")
        let issue = store.openIssue(
            repository: repository.fullName, author: call.user.login, title: title, body: try body(call) ?? "")
        let json = GitHubJSON(store: store).issue(issue)
        return .json(201, json, headers: [("Location", json["url"] as? String ?? "")])
    }

    static func update(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let issue = try store.issue(call.repositoryName, try call.number("issue_number"))
        guard issue.author == call.user.login || call.user.has(atLeast: "triage") else {
            throw APIFailure.forbidden("Resource not accessible by integration")
        }
        var open: Bool?
        if let state = call.string("state") {
            guard ["open", "closed"].contains(state) else {
                throw APIFailure.unprocessable(
                    "Validation Failed", errors: [["resource": "Issue", "code": "invalid", "field": "state"]])
            }
            open = state == "open"
        }
        store.edit(issue, title: call.string("title"), body: try body(call), open: open)
        return .json(200, GitHubJSON(store: store).issue(issue))
    }

    private static func body(_ call: ForgeCall) throws -> String? {
        guard let body = call.string("body") else { return nil }
        guard body.unicodeScalars.count <= maximumBodyLength else {
            throw APIFailure.unprocessable(
                "Validation Failed",
                errors: [
                    [
                        "resource": "Issue", "code": "custom", "field": "body",
                        "message": "body is too long (maximum is \(maximumBodyLength) characters)",
                    ]
                ])
        }
        return body
    }
}
