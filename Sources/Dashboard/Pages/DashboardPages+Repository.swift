import Bot
import Foundation
import Hummingbird
import Vulnerabilities

extension DashboardPages {
    /// One repository: its newest scan's findings by category, check and namespace, each linked to
    /// the forge's view of the file at the scanned commit; what is outdated; its images'
    /// vulnerabilities, when image scans are recorded; the last scans.
    func repository(_ viewer: DashboardViewer, forge: String, repository: String, filter: FindingFilter)
        async throws -> Response
    {
        guard let html = try await repositoryPage(viewer, forge: forge, repository: repository, filter: filter) else {
            return notFound(viewer)
        }
        return DashboardResponse.html(html)
    }

    /// The repository page's HTML; nil when the viewer may not read it or it has no scan (404).
    /// Public for `scripts/bench-dashboard`, which times it without HTTP in between.
    package func repositoryPage(
        _ viewer: DashboardViewer, forge: String, repository: String, filter: FindingFilter = FindingFilter()
    ) async throws -> String? {
        guard !repository.isEmpty, await readable(viewer, forge, repository) else { return nil }
        let scans = try await database.scans(forge: forge, repository: repository, limit: trendLength)
        guard let latest = scans.first else { return nil }
        let findings = try await database.findings(scan: latest.id)
        let outdated = try await database.outdated(forge: forge, repository: repository)
        var view = RepositoryView(
            forge: forges[forge], repository: repository, latest: latest, scans: scans, findings: findings,
            outdated: outdated, filter: filter, path: Self.repositoryPath(forge: forge, repository: repository)
        ).dictionary()
        if let imageScans {
            // Keyed as `BranchScan` records them.
            let images = try await imageScans.scans(of: forge + ":" + repository)
            view["imageScan"] = ImageScanView(forge: forges[forge], repository: repository, scans: images).dictionary()
        }
        return render(.repository, viewer: viewer, view)
    }
}
