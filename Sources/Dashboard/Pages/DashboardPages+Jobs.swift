import Bot
import Forge
import Foundation
import Hummingbird

extension DashboardPages {
    /// Notices the jobs page shows after a retry, by the fixed word the retry redirects with.
    static let notices = [
        "retried": "The job is pending again and runs when a worker is free.",
        "not-dead": "That job is not dead (retried already?): nothing was changed.",
        "already-waiting": "A review of the same head commit is already waiting: that one will run.",
    ]

    /// Queue depth by state, running jobs, dead jobs with their last error, `jobsListed` a page
    /// (`pages` says which of each list); jobs of repositories the viewer cannot read are left out,
    /// and a job whose payload this version cannot read is shown to admins only.
    func jobs(_ viewer: DashboardViewer, notice: String?, pages: JobListPages = JobListPages()) async throws
        -> Response
    {
        let depth = try await database.depth()
        let runningList = pages.list(.running, count: depth[.running] ?? 0, pageSize: jobsListed)
        let deadList = pages.list(.dead, count: depth[.dead] ?? 0, pageSize: jobsListed)
        let running = try await visible(
            try await database.jobs(in: .running, limit: jobsListed, offset: runningList.offset), to: viewer)
        let dead = try await visible(
            try await database.jobs(in: .dead, limit: jobsListed, offset: deadList.offset), to: viewer)
        var view: [String: Any] = [
            "runningPages": runningList.view, "deadPages": deadList.view,
            "title": "Jobs",
            "depth": JobState.allCases.map { ["state": $0.rawValue, "count": depth[$0] ?? 0] },
            "running": running.map { job, repository in
                [
                    "id": job.id, "kind": job.kind.rawValue, "repository": repository, "attempts": job.attempts,
                    "owner": job.leaseOwner ?? "", "since": DashboardFormat.time(job.createdAt),
                    "leaseExpires": job.leaseExpires.map(DashboardFormat.time) ?? "",
                ]
            },
            "dead": dead.map { job, repository in
                [
                    "id": job.id, "kind": job.kind.rawValue, "repository": repository, "attempts": job.attempts,
                    "lastError": Self.shortened(job.lastError ?? ""), "created": DashboardFormat.time(job.createdAt),
                ]
            },
            "noRunning": running.isEmpty, "noDead": dead.isEmpty,
        ]
        if let notice, let text = Self.notices[notice] { view["notice"] = text }
        return page(.jobs, viewer: viewer, view)
    }

    /// The jobs the viewer may see, each with its repository as `forge:owner/name`.
    func visible(_ jobs: [JobRecord], to viewer: DashboardViewer) async throws -> [(JobRecord, String)] {
        let payloads = jobs.map { try? JobPayload.decode($0.payload, kind: $0.kind) }
        var asked: [String: (forge: String, repository: String)] = [:]
        for case let payload? in payloads {
            asked[payload.forge.rawValue + ":" + payload.repository.fullName] = (
                payload.forge.rawValue, payload.repository.fullName
            )
        }
        let readable = await readable(viewer, among: asked.keys.sorted().compactMap { asked[$0] })
        return zip(jobs, payloads).compactMap { job, payload in
            guard let payload else { return viewer.isAdmin ? (job, "(unreadable payload)") : nil }
            let key = payload.forge.rawValue + ":" + payload.repository.fullName
            return readable.contains(key) ? (job, key) : nil
        }
    }

    /// `POST /dashboard/jobs/{id}/retry`: admins only, with the viewer's CSRF token in the form.
    func retry(_ viewer: DashboardViewer, job id: Int64?, form: FormFields) async throws -> Response {
        guard viewer.isAdmin else { return errorPage(.forbidden, "Retrying a job needs an admin.", viewer: viewer) }
        guard let token = form["csrf"], !viewer.csrfToken.isEmpty, Self.sameToken(token, viewer.csrfToken) else {
            return errorPage(.forbidden, "The form's CSRF token is missing or wrong; reload the page.", viewer: viewer)
        }
        guard let id, let job = try await database.job(id: id) else { return notFound(viewer) }
        if let payload = try? JobPayload.decode(job.payload, kind: job.kind),
            await !readable(viewer, payload.forge.rawValue, payload.repository.fullName)
        {
            return notFound(viewer)
        }
        let notice =
            switch try await database.retry(deadJob: id) {
            case .retried: "retried"
            case .notDead: "not-dead"
            case .alreadyWaiting: "already-waiting"
            }
        return DashboardResponse.redirect(to: "/dashboard/jobs?notice=" + notice)
    }

    /// The longest last error the jobs page shows, in characters (a forge's answer can be long).
    static let maximumErrorShown = 2_000

    static func shortened(_ text: String) -> String {
        text.count > maximumErrorShown ? text.prefix(maximumErrorShown - 1) + "…" : text
    }

    /// Compares in time independent of where the first difference is.
    static func sameToken(_ given: String, _ expected: String) -> Bool {
        let (left, right) = (Array(given.utf8), Array(expected.utf8))
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
