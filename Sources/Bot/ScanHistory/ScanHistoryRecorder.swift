import Foundation
import Manifests
import Policy
import Upgrades

/// Where the scan and upgrade jobs write what they found, for the dashboard; set on the job
/// handler only when the dashboard is configured.
package struct ScanHistoryRecorder: Sendable {
    package let history: any ScanHistory
    package let retention: ScanRetention
    package let now: @Sendable () -> Date

    package init(history: any ScanHistory, retention: ScanRetention, now: @escaping @Sendable () -> Date = { Date() }) {
        self.history = history
        self.retention = retention
        self.now = now
    }

    /// A default branch's scan: every finding with its place, and how much was checked.
    package func record(forge: String, repository: String, commit: String, report: CheckReport) async throws {
        let findings = report.findings.compactMap { finding -> ScanFinding? in
            guard finding.severity != .ignore else { return nil }
            return ScanFinding(
                check: finding.checkID, severity: finding.severity == .danger ? .danger : .warning,
                category: finding.category.rawValue, file: finding.file, line: finding.position.line,
                namespace: finding.object?.namespace ?? "",
                object: finding.object.map { "\($0.kind)/\($0.name)" } ?? "", message: finding.message
            ).bounded
        }
        let scan = ScanRecord(
            forge: forge, repository: repository, commit: commit, scannedAt: now(),
            objectsChecked: report.files.reduce(0) { $0 + $1.objects },
            checksRun: Catalogue.all.count + report.runtimeChecks.count, findings: findings)
        try await history.record(scan, retention: retention)
    }

    /// An upgrade scan: every pinned version with a newer one, and the upgrade pull request open for its add-on.
    package func record(
        forge: String, repository: String, commit: String, upgrades: [Upgrade], pullRequests: [String: Int]
    ) async throws {
        let outdated = upgrades.map { upgrade in
            OutdatedDependency(
                kind: upgrade.dependency.kind == .chart ? .chart : .image, addOn: upgrade.dependency.addOn,
                name: upgrade.dependency.name, file: upgrade.dependency.location.file,
                line: upgrade.dependency.location.line, current: upgrade.dependency.currentValue,
                newestAllowed: upgrade.newestAllowed, pullRequest: pullRequests[upgrade.dependency.addOn])
        }
        try await history.record(
            OutdatedReport(
                forge: forge, repository: repository, commit: commit, scannedAt: now(), dependencies: outdated))
    }
}
