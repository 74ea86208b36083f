import Foundation

/// checks/create and checks/update (GitHub App tokens only; at most 50 annotations a request,
/// appended across calls) and commit statuses.
enum GitHubChecks {
    static let maximumAnnotationsPerRequest = 50
    static let maximumOutputLength = 65_535
    static let statusStates = ["error", "failure", "pending", "success"]

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        try requireApp(call)
        let name = try call.requireString("name", message: "Invalid request.\n\n\"name\" wasn't supplied.")
        let sha = try call.requireString("head_sha", message: "Invalid request.\n\n\"head_sha\" wasn't supplied.")
        let run = StoredCheckRun(
            id: store.nextID(.checkRun), repository: repository.fullName, name: name, headSHA: sha, status: "queued")
        try apply(call, to: run, store: store)
        if run.startedAt == nil { run.startedAt = store.now() }
        store.checkRuns.append(run)
        return .json(201, GitHubJSON(store: store).checkRun(run))
    }

    static func update(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        try requireApp(call)
        let id = try call.number("run")
        guard let run = store.checkRuns.first(where: { $0.id == id && $0.repository == repository.fullName }) else {
            throw APIFailure.notFound()
        }
        try apply(call, to: run, store: store)
        if let name = call.string("name") { run.name = name }
        return .json(200, GitHubJSON(store: store).checkRun(run))
    }

    /// The fields shared by create and update; validates everything before changing anything.
    private static func apply(_ call: ForgeCall, to run: StoredCheckRun, store: ForgeStore) throws {
        let output = call.arguments["output"] as? [String: Any]
        let annotations = output?["annotations"] as? [[String: Any]] ?? []
        if annotations.count > maximumAnnotationsPerRequest {
            throw APIFailure.unprocessable(
                "Invalid request.\n\nOnly \(maximumAnnotationsPerRequest) annotations are allowed per request.")
        }
        for annotation in annotations {
            for field in ["path", "start_line", "end_line", "annotation_level", "message"]
            where annotation[field] == nil {
                throw APIFailure.unprocessable("Invalid request.\n\n\"\(field)\" wasn't supplied.")
            }
            guard ["notice", "warning", "failure"].contains(annotation["annotation_level"] as? String ?? "") else {
                throw APIFailure.unprocessable(
                    "Invalid request.\n\nannotation_level must be one of notice, warning, failure.")
            }
        }
        if let output, output["title"] == nil || output["summary"] == nil {
            throw APIFailure.unprocessable("Invalid request.\n\n\"title\" and \"summary\" weren't supplied.")
        }
        // checks/create and checks/update: `output.summary` and `output.text` take at most 65,535 characters.
        for field in ["summary", "text"] where (output?[field] as? String)?.count ?? 0 > maximumOutputLength {
            throw APIFailure.unprocessable(
                "Invalid request.\n\n\(field) is too long (maximum is \(maximumOutputLength) characters).")
        }
        let status = call.string("status")
        if let status, !["queued", "in_progress", "completed"].contains(status) {
            throw APIFailure.unprocessable(
                "Invalid request.\n\nstatus is not a member of queued, in_progress, completed.")
        }
        let conclusion = call.string("conclusion")
        let conclusions = [
            "action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out",
        ]
        if let conclusion, !conclusions.contains(conclusion) {
            throw APIFailure.unprocessable(
                "Invalid request.\n\nconclusion is not a member of \(conclusions.joined(separator: ", ")).")
        }
        if status == "completed" && conclusion == nil && run.conclusion == nil {
            throw APIFailure.unprocessable("Invalid request.\n\n\"conclusion\" wasn't supplied.")
        }
        if let status { run.status = status }
        if let conclusion {
            run.conclusion = conclusion
            run.status = "completed"
        }
        if run.status == "completed", run.completedAt == nil {
            run.completedAt = call.string("completed_at") ?? store.now()
        }
        if let started = call.string("started_at") { run.startedAt = started }
        if let external = call.string("external_id") { run.externalID = external }
        if let details = call.string("details_url") { run.detailsURL = details }
        if let output {
            run.title = output["title"] as? String ?? run.title
            run.summary = output["summary"] as? String ?? run.summary
            run.text = output["text"] as? String ?? run.text
        }
        run.annotations += annotations
    }

    /// Only GitHub Apps may write check runs.
    private static func requireApp(_ call: ForgeCall) throws {
        guard call.user.isInstallation else { throw APIFailure.forbidden("You must authenticate via a GitHub App.") }
    }

    static func createStatus(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        try call.require("write", message: "Resource not accessible by integration")
        guard let state = call.string("state"), statusStates.contains(state) else {
            throw APIFailure.unprocessable(
                "Validation Failed",
                errors: [
                    [
                        "resource": "Status", "code": "custom", "field": "state",
                        "message": "state is not included in the list",
                    ]
                ])
        }
        let status = StoredStatus(
            id: store.nextID(.status), repository: repository.fullName, sha: call.parameter("sha"), state: state,
            context: call.string("context") ?? "default", description: call.string("description"),
            targetURL: call.string("target_url"), creator: call.user.login, createdAt: store.now())
        store.statuses.append(status)
        return .json(201, GitHubJSON(store: store).status(status))
    }

    static func listStatuses(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let json = GitHubJSON(store: store)
        let statuses = store.statuses.filter { $0.repository == repository.fullName && $0.sha == call.parameter("ref") }
            .reversed()
        return Pagination.github.respond(statuses.map(json.status), to: call, baseURL: store.linkBaseURL)
    }
}
