import Foundation

/// Pull requests: list, get, get by branch pair, create, edit, changed files.
enum GiteaPulls {
    static func get(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("index"))
        return .json(200, GiteaJSON(store: store).pullRequest(pull, viewer: call.caller))
    }

    /// Gitea's GetPullRequestByBaseHeadInfo (models/issues/pull.go) asks the database for one
    /// row without an ORDER BY: in practice the oldest pull request of that branch pair, whatever its state.
    static func byBranches(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        guard
            let pull = store.pullRequests.first(where: {
                $0.repository == repository.fullName && $0.baseBranch == call.parameter("base")
                    && $0.headBranch == call.parameter("head")
            })
        else { throw APIFailure.notFound() }
        return .json(200, GiteaJSON(store: store).pullRequest(pull, viewer: call.caller))
    }

    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let state = call.string("state") ?? "open"
        var pulls = store.pullRequests.filter {
            $0.repository == repository.fullName && (state == "all" || $0.state == state)
        }
        if let base = call.string("base_branch") { pulls = pulls.filter { $0.baseBranch == base } }
        if let poster = call.string("poster") { pulls = pulls.filter { $0.author == poster } }
        if call.string("sort") != "oldest" { pulls.reverse() }
        let json = GiteaJSON(store: store)
        return Pagination.gitea.respond(
            pulls.map { json.pullRequest($0, viewer: call.caller) }, to: call, baseURL: store.linkBaseURL)
    }

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        guard let head = call.string("head"), let base = call.string("base"), let title = call.string("title"),
            !title.isEmpty
        else {
            throw APIFailure.unprocessable("[Head]: Required; [Base]: Required; [Title]: Required")
        }
        let headBranch = String(head.split(separator: ":").last ?? "")
        guard let headSHA = repository.branches[headBranch], let baseSHA = repository.branches[base] else {
            throw APIFailure.notFound()
        }
        if let existing = store.pullRequests.first(where: {
            $0.repository == repository.fullName && $0.headBranch == headBranch && $0.baseBranch == base
                && $0.state == "open"
        }) {
            throw APIFailure(
                status: 409,
                message:
                    "pull request already exists for these targets [id: \(existing.id), issue_id: \(existing.id), head_repo_id: \(repository.id), base_repo_id: \(repository.id), head_branch: \(headBranch), base_branch: \(base)]"
            )
        }
        let now = store.now()
        let pull = StoredPullRequest(
            id: store.nextID(.pullRequest), number: store.nextNumber(in: repository.fullName),
            repository: repository.fullName,
            author: call.user.login, title: title, body: call.string("body") ?? "", baseBranch: base, baseSHA: baseSHA,
            headBranch: headBranch, headSHA: headSHA, files: [], headRepository: nil,
            maintainerCanModify: call.bool("allow_maintainer_edit") ?? false, createdAt: now)
        pull.versions.append(
            StoredVersion(
                id: store.nextID(.version), headSHA: headSHA, baseSHA: baseSHA, startSHA: baseSHA, createdAt: now))
        store.pullRequests.append(pull)
        return .json(201, GiteaJSON(store: store).pullRequest(pull, viewer: call.caller))
    }

    /// Gitea answers an edit with 201, as its description says.
    static func update(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("index"))
        guard call.user.login == pull.author || call.user.has(atLeast: "write") else {
            throw APIFailure.forbidden("Forbidden")
        }
        if let state = call.string("state") {
            guard ["open", "closed"].contains(state) else { throw APIFailure.unprocessable("invalid state") }
            pull.state = state
            pull.closedAt = state == "closed" ? store.now() : nil
        }
        if let title = call.string("title") { pull.title = title }
        if let body = call.string("body") { pull.body = body }
        if let base = call.string("base"), base != pull.baseBranch {
            guard let sha = try store.repository(pull.repository).branches[base] else { throw APIFailure.notFound() }
            pull.baseBranch = base
            pull.baseSHA = sha
        }
        if let edit = call.bool("allow_maintainer_edit") { pull.maintainerCanModify = edit }
        if let ids = call.arguments["labels"] as? [Any] {
            pull.labels = try GiteaIssues.labels(ids, repository: pull.repository, store: store).map(\.name)
        }
        pull.updatedAt = store.now()
        return .json(201, GiteaJSON(store: store).pullRequest(pull, viewer: call.caller))
    }

    static func files(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("index"))
        let statuses = ["removed": "deleted"]
        let files: [Any] = pull.files.map { file in
            let path = file.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file.path
            // Gitea's ChangedFile has `previous_filename,omitempty`.
            var entry: [String: Any] = [
                "filename": file.path, "status": statuses[file.status] ?? file.status,
                "additions": file.additions, "deletions": file.deletions, "changes": file.additions + file.deletions,
                "html_url": "\(store.baseURL)/\(pull.repository)/src/commit/\(pull.headSHA)/\(path)",
                "contents_url": "\(store.baseURL)/api/v1/repos/\(pull.repository)/contents/\(path)?ref=\(pull.headSHA)",
                "raw_url": "\(store.baseURL)/\(pull.repository)/raw/commit/\(pull.headSHA)/\(path)",
            ]
            if let previous = file.previousPath { entry["previous_filename"] = previous }
            return entry
        }
        return Pagination.gitea.respond(files, to: call, baseURL: store.linkBaseURL)
    }
}
