import HTTPKit
import JSONKit

/// The verdict as a check run (GitHub Apps only). One run per head commit and name: a job run
/// again (after a crash, a lost lease, a recheck) finds the run it made before and updates it
/// instead of adding a second run of the same name to the commit.
extension GitHubForge {
    /// GitHub takes at most 50 annotations per request: the first batch comes with the run, the
    /// rest with updates, which GitHub appends (checks/update: "Each time you update the check
    /// run, annotations are appended"). An earlier run keeps the annotations it has, so only the
    /// ones past its `annotations_count` are sent; the verdict for one commit names the same
    /// findings in the same order each time.
    func publishCheckRun(_ check: CommitCheck) async throws {
        let existing = try await existingCheckRun(named: check.name, on: check.headSHA)
        // No run yet: none of the annotations is on GitHub.
        let kept = min(existing.map(\.output.annotationsCount) ?? 0, check.annotations.count)
        let remaining = Array(check.annotations[kept...])
        let batches = stride(from: 0, to: max(remaining.count, 1), by: capabilities.annotationsPerRequest).map {
            Array(remaining[min($0, remaining.count)..<min($0 + capabilities.annotationsPerRequest, remaining.count)])
        }
        func output(_ annotations: [CommitCheck.Annotation]) -> JSONValue {
            [
                "title": .string(check.title), "summary": .string(Self.fitted(check.summary)),
                "annotations": .array(
                    annotations.map { annotation in
                        [
                            "path": .string(annotation.path), "start_line": JSONValue(annotation.startLine),
                            "end_line": JSONValue(annotation.endLine),
                            "annotation_level": .string(annotation.level.rawValue), "title": .string(annotation.title),
                            "message": .string(annotation.message),
                        ]
                    }),
            ]
        }
        var body: [String: JSONValue] = ["name": .string(check.name), "output": output(batches[0])]
        if let conclusion = check.conclusion {
            body["status"] = "completed"
            body["conclusion"] = .string(conclusion.rawValue)
        } else {
            body["status"] = "in_progress"
        }
        if let url = check.detailsURL { body["details_url"] = .string(url) }
        let id: Int
        if let existingID = existing?.id {
            try await api.send(.patch, "\(repo)/check-runs/\(existingID)", body: .object(body))
            id = existingID
        } else {
            body["head_sha"] = .string(check.headSHA)
            id = try await api.send(.post, "\(repo)/check-runs", body: .object(body), as: GitHubAnswers.Created.self).id
        }
        for batch in batches.dropFirst() {
            try await api.send(.patch, "\(repo)/check-runs/\(id)", body: ["output": output(batch)])
        }
    }

    /// The newest check run of that name on the commit (checks/list-for-ref, `filter=latest`), if any.
    func existingCheckRun(named name: String, on headSHA: String) async throws -> GitHubAnswers.CheckRuns.Run? {
        let path = "\(repo)/commits/\(ForgeAPI.segment(headSHA))/check-runs"
        let listed = try await api.get(
            path, query: [("check_name", name), ("filter", "latest"), ("per_page", "100")],
            as: GitHubAnswers.CheckRuns.self)
        return listed.checkRuns.first { $0.name == name }
    }
}
