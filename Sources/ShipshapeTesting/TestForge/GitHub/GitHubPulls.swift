import Foundation

/// pulls/get, pulls/update, pulls/list, pulls/create, pulls/list-files.
enum GitHubPulls {
    static func get(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        return .json(200, GitHubJSON(store: store).pullRequest(pull, viewer: call.caller, full: true))
    }

    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let state = call.string("state") ?? "open"
        guard ["open", "closed", "all"].contains(state) else {
            throw APIFailure.unprocessable(
                "Validation Failed", errors: [["resource": "Search", "field": "state", "code": "invalid"]])
        }
        var pulls = store.pullRequests.filter {
            $0.repository == repository.fullName && (state == "all" || $0.state == state)
        }
        if let head = call.string("head") {
            let parts = head.split(separator: ":", maxSplits: 1).map(String.init)
            let (owner, branch) = parts.count == 2 ? (parts[0], parts[1]) : (repository.owner, parts[0])
            pulls = pulls.filter {
                ($0.headRepository ?? $0.repository).hasPrefix("\(owner)/") && $0.headBranch == branch
            }
        }
        if let base = call.string("base") { pulls = pulls.filter { $0.baseBranch == base } }
        if call.string("direction") != "asc" { pulls.reverse() }
        let json = GitHubJSON(store: store)
        return Pagination.github.respond(
            pulls.map { json.pullRequest($0, viewer: call.caller, full: false) }, to: call, baseURL: store.linkBaseURL)
    }

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        guard let head = call.string("head"), let base = call.string("base") else {
            throw APIFailure.unprocessable("Invalid request.\n\n\"head\" and \"base\" weren't supplied.")
        }
        let title = try call.requireString("title", message: "Validation Failed")
        let headBranch = String(head.split(separator: ":").last ?? "")
        let invalid = { (field: String) in
            APIFailure.unprocessable(
                "Validation Failed", errors: [["resource": "PullRequest", "field": field, "code": "invalid"]])
        }
        guard let headSHA = repository.branches[headBranch] else { throw invalid("head") }
        guard let baseSHA = repository.branches[base] else { throw invalid("base") }
        if store.pullRequests.contains(where: {
            $0.repository == repository.fullName && $0.headBranch == headBranch && $0.baseBranch == base
                && $0.state == "open"
        }) {
            throw APIFailure.unprocessable(
                "Validation Failed",
                errors: [
                    [
                        "resource": "PullRequest", "code": "custom",
                        "message": "A pull request already exists for \(repository.owner):\(headBranch).",
                    ]
                ])
        }
        let now = store.now()
        let pull = StoredPullRequest(
            id: store.nextID(.pullRequest), number: store.nextNumber(in: repository.fullName),
            repository: repository.fullName, author: call.user.login, title: title, body: call.string("body") ?? "",
            baseBranch: base, baseSHA: baseSHA, headBranch: headBranch, headSHA: headSHA, files: [],
            headRepository: nil, maintainerCanModify: call.bool("maintainer_can_modify") ?? true, createdAt: now)
        pull.draft = call.bool("draft") ?? false
        pull.versions.append(
            StoredVersion(
                id: store.nextID(.version), headSHA: headSHA, baseSHA: baseSHA, startSHA: baseSHA, createdAt: now))
        store.pullRequests.append(pull)
        let location = "\(store.baseURL)/repos/\(repository.fullName)/pulls/\(pull.number)"
        return .json(
            201, GitHubJSON(store: store).pullRequest(pull, viewer: call.caller, full: true),
            headers: [("Location", location)])
    }

    static func update(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        guard call.user.login == pull.author || call.user.has(atLeast: "write") else {
            throw APIFailure.forbidden("Resource not accessible by integration")
        }
        if let state = call.string("state") {
            guard ["open", "closed"].contains(state) else {
                throw APIFailure.unprocessable(
                    "Validation Failed", errors: [["resource": "PullRequest", "field": "state", "code": "invalid"]])
            }
            pull.state = state
            pull.closedAt = state == "closed" ? store.now() : nil
        }
        if let title = call.string("title") { pull.title = title }
        if let body = call.string("body") { pull.body = body }
        if let base = call.string("base") {
            guard let sha = try store.repository(pull.repository).branches[base] else {
                throw APIFailure.unprocessable(
                    "Validation Failed", errors: [["resource": "PullRequest", "field": "base", "code": "invalid"]])
            }
            pull.baseBranch = base
            pull.baseSHA = sha
        }
        if let modify = call.bool("maintainer_can_modify") { pull.maintainerCanModify = modify }
        pull.updatedAt = store.now()
        return .json(200, GitHubJSON(store: store).pullRequest(pull, viewer: call.caller, full: true))
    }

    static func files(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        let json = GitHubJSON(store: store)
        return Pagination.github.respond(
            pull.files.map { json.diffEntry($0, pull: pull) }, to: call, baseURL: store.linkBaseURL)
    }
}
