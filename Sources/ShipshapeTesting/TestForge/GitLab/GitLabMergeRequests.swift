import Foundation

/// Merge requests: list, create, get, update (title, description, labels, add_labels,
/// state_event), diffs and versions.
enum GitLabMergeRequests {
    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let project = try call.project(store)
        let state = call.string("state") ?? "all"
        var pulls = store.pullRequests.filter { $0.repository == project.fullName }
        if state != "all" { pulls = pulls.filter { (($0.state == "open") ? "opened" : "closed") == state } }
        if let source = call.string("source_branch") { pulls = pulls.filter { $0.headBranch == source } }
        if let target = call.string("target_branch") { pulls = pulls.filter { $0.baseBranch == target } }
        if call.string("sort") != "asc" { pulls.reverse() }
        return Pagination.gitlab.respond(
            pulls.map(GitLabJSON(store: store).mergeRequest), to: call, baseURL: store.linkBaseURL)
    }

    static func get(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        .json(200, GitLabJSON(store: store).mergeRequest(try call.mergeRequest(store)))
    }

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let project = try call.project(store)
        guard let source = call.string("source_branch"), let target = call.string("target_branch"),
            let title = call.string("title")
        else {
            throw APIFailure.badRequest(
                "source_branch, target_branch, title are missing, at least one parameter must be provided")
        }
        guard let headSHA = project.branches[source] else {
            throw APIFailure(status: 400, message: "", errors: [["source_branch": ["is invalid"]]])
        }
        guard let baseSHA = project.branches[target] else {
            throw APIFailure(status: 400, message: "", errors: [["target_branch": ["is invalid"]]])
        }
        if let existing = store.pullRequests.first(where: {
            $0.repository == project.fullName && $0.headBranch == source && $0.baseBranch == target
                && $0.state == "open"
        }) {
            throw APIFailure(
                status: 409, message: "",
                errors: ["Another open merge request already exists for this source branch: !\(existing.number)"])
        }
        let now = store.now()
        let pull = StoredPullRequest(
            id: store.nextID(.pullRequest), number: store.nextNumber(in: project.fullName),
            repository: project.fullName,
            author: call.user.login, title: title, body: call.string("description") ?? "", baseBranch: target,
            baseSHA: baseSHA, headBranch: source, headSHA: headSHA, files: [], headRepository: nil,
            maintainerCanModify: call.bool("allow_collaboration") ?? false, createdAt: now)
        pull.labels = labelList(call.string("labels"))
        pull.versions.append(
            StoredVersion(
                id: store.nextID(.version), headSHA: headSHA, baseSHA: baseSHA, startSHA: baseSHA, createdAt: now))
        store.pullRequests.append(pull)
        return .json(201, GitLabJSON(store: store).mergeRequest(pull))
    }

    static func update(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try call.mergeRequest(store)
        guard pull.author == call.user.login || call.user.has(atLeast: "write") else {
            throw APIFailure.forbidden("403 Forbidden")
        }
        if let title = call.string("title") { pull.title = title }
        if let description = call.string("description") { pull.body = description }
        if let labels = call.arguments["labels"] { pull.labels = labelList(labels) }
        for label in labelList(call.arguments["add_labels"]) where !pull.labels.contains(label) {
            pull.labels.append(label)
        }
        let removed = Set(labelList(call.arguments["remove_labels"]))
        pull.labels.removeAll { removed.contains($0) }
        for label in pull.labels { _ = store.label(pull.repository, named: label) }
        switch call.string("state_event") {
        case "close":
            pull.state = "closed"
            pull.closedAt = store.now()
        case "reopen":
            pull.state = "open"
            pull.closedAt = nil
        default: break
        }
        if let target = call.string("target_branch"), let sha = try store.repository(pull.repository).branches[target] {
            pull.baseBranch = target
            pull.baseSHA = sha
        }
        pull.updatedAt = store.now()
        return .json(200, GitLabJSON(store: store).mergeRequest(pull))
    }

    /// GitLab's `diff` is the patch from the first hunk header on.
    static func diffs(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try call.mergeRequest(store)
        let diffs: [Any] = pull.files.map { file in
            [
                "old_path": file.previousPath ?? file.path, "new_path": file.path,
                "a_mode": file.status == "added" ? "0" : "100644",
                "b_mode": file.status == "removed" ? "0" : "100644", "new_file": file.status == "added",
                "renamed_file": file.status == "renamed", "deleted_file": file.status == "removed",
                "generated_file": false,
                "diff": file.patch.hasSuffix("\n") ? file.patch : file.patch + "\n",
            ] as [String: Any]
        }
        return Pagination.gitlab.respond(diffs, to: call, baseURL: store.linkBaseURL)
    }

    static func versions(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try call.mergeRequest(store)
        let versions: [Any] = pull.versions.reversed().map { version in
            [
                "id": version.id, "head_commit_sha": version.headSHA, "base_commit_sha": version.baseSHA,
                "start_commit_sha": version.startSHA, "created_at": version.createdAt, "merge_request_id": pull.id,
                "state": "collected", "real_size": String(pull.files.count),
            ] as [String: Any]
        }
        return Pagination.gitlab.respond(versions, to: call, baseURL: store.linkBaseURL)
    }

    /// GitLab takes labels as a comma-separated string or an array.
    static func labelList(_ value: Any?) -> [String] {
        switch value {
        case let text as String:
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case let list as [Any]: list.compactMap { $0 as? String }
        default: []
        }
    }
}
