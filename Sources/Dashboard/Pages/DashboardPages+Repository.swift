import Bot
import Foundation
import Hummingbird

extension DashboardPages {
    /// One repository: its newest scan's findings by category, check and namespace, each linked to
    /// the forge's view of the file at the scanned commit; what is outdated; the last scans.
    func repository(_ viewer: DashboardViewer, forge: String, repository: String) async throws -> Response {
        guard !repository.isEmpty, await readable(viewer, forge, repository) else {
            return DashboardResponse.notFound()
        }
        let scans = try await database.scans(forge: forge, repository: repository, limit: trendLength)
        guard let latest = scans.first else { return DashboardResponse.notFound() }
        let findings = try await database.findings(scan: latest.id)
        let outdated = try await database.outdated(forge: forge, repository: repository)
        let view = RepositoryView(
            forge: forges[forge], repository: repository, latest: latest, scans: scans, findings: findings,
            outdated: outdated
        ).dictionary()
        return page(.repository, viewer: viewer, view)
    }
}
