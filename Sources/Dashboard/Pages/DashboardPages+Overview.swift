import Bot
import Foundation
import Hummingbird

extension DashboardPages {
    /// Every repository the viewer may read with its newest scan's score, counts and trend.
    func overview(_ viewer: DashboardViewer) async throws -> Response {
        var rows: [[String: Any]] = []
        let scans = try await database.latestScans()
        let readable = await readable(viewer, among: scans.map { ($0.forge, $0.repository) })
        for scan in scans where readable.contains(scan.forge + ":" + scan.repository) {
            let history = try await database.scans(forge: scan.forge, repository: scan.repository, limit: trendLength)
            let score = RepositoryScore.score(scan)
            rows.append([
                "forge": scan.forge, "repository": scan.repository,
                "link": Self.repositoryPath(forge: scan.forge, repository: scan.repository),
                "score": score.map(String.init) ?? "–", "grade": RepositoryScore.grade(score),
                "dangers": scan.dangers, "warnings": scan.warnings, "commit": String(scan.commit.prefix(12)),
                "scannedAt": DashboardFormat.time(scan.scannedAt),
                "trend": TrendChart(width: 160, height: 32, detailed: false).svg(history),
            ])
        }
        return page(.overview, viewer: viewer, ["title": "Repositories", "repositories": rows, "empty": rows.isEmpty])
    }

    /// `/dashboard/repositories/github/acme/shop`: owner and name percent-encoded per segment.
    static func repositoryPath(forge: String, repository: String) -> String {
        "/dashboard/repositories/" + DashboardResponse.queryValue(forge) + "/"
            + repository.split(separator: "/").map { DashboardResponse.queryValue(String($0)) }.joined(separator: "/")
    }
}
