import Foundation

/// "List check runs for a Git reference" (docs.github.com/en/rest/checks/runs#list-check-runs-for-a-git-reference,
/// API version 2022-11-28): `GET /repos/{owner}/{repo}/commits/{ref}/check-runs`, where `ref` is a
/// commit SHA, a branch name or a tag name. Filters: `check_name` (the run's name), `status`
/// (queued, in_progress, completed), `filter` (`latest`, the default: the most recent run of each
/// name; `all`) and `app_id` (not applied: the stand-in has one App); paged by `per_page` (at most 100) and `page`. The answer is an object,
/// `{"total_count": N, "check_runs": [...]}`, newest first. Readable with pull access (an App
/// needs `checks:read` on a private repository), so no App token is required here.
extension GitHubChecks {
    static let listFilters = ["latest", "all"]

    static func listForRef(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let repository = try store.repository(call.repositoryName)
        let ref = call.parameter("ref")
        let sha = repository.branches[ref] ?? ref
        let query = call.request.queryItems
        let filter = query["filter"] ?? "latest"
        guard listFilters.contains(filter) else {
            throw APIFailure.unprocessable(
                "Invalid request.\n\nfilter is not a member of \(listFilters.joined(separator: ", ")).")
        }
        if let status = query["status"], !["queued", "in_progress", "completed"].contains(status) {
            throw APIFailure.unprocessable(
                "Invalid request.\n\nstatus is not a member of queued, in_progress, completed.")
        }
        var runs = store.checkRuns.filter { $0.repository == repository.fullName && $0.headSHA == sha }.reversed()
            .filter { run in
                (query["check_name"].map { $0 == run.name } ?? true)
                    && (query["status"].map { $0 == run.status } ?? true)
            }
        if filter == "latest" {
            var seen = Set<String>()
            runs = runs.filter { seen.insert($0.name).inserted }
        }
        let json = GitHubJSON(store: store)
        return Pagination.github.respond(runs.map(json.checkRun), to: call, baseURL: store.baseURL) { page, total in
            ["total_count": total, "check_runs": page] as [String: Any]
        }
    }
}
