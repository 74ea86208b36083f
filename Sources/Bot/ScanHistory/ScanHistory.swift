import Foundation

/// How long scans are kept: the newest `scansPerRepository` of each repository, none older than
/// `maximumAge` (the newest scan of a repository is always kept, however old).
package struct ScanRetention: Sendable, Equatable {
    package var scansPerRepository: Int
    package var maximumAge: TimeInterval?

    package init(scansPerRepository: Int = 100, maximumAge: TimeInterval? = 90 * 86_400) {
        self.scansPerRepository = max(1, scansPerRepository)
        self.maximumAge = maximumAge
    }
}

/// The default branches' scans, kept in the queue's database (SQLite or PostgreSQL, one schema):
/// written by the scan and upgrade jobs, read by the dashboard.
package protocol ScanHistory: Sendable {
    /// Stores the scan and its findings in one transaction, then deletes what `retention` no longer keeps.
    @discardableResult
    func record(_ scan: ScanRecord, retention: ScanRetention) async throws -> Int64
    /// Replaces the repository's outdated dependencies with the upgrade scan's.
    func record(_ outdated: OutdatedReport) async throws
    /// The newest scan of every repository, by forge and name.
    func latestScans() async throws -> [ScanSummary]
    /// The repository's scans, newest first.
    func scans(forge: String, repository: String, limit: Int) async throws -> [ScanSummary]
    /// One scan's findings, in file and line order.
    func findings(scan id: Int64) async throws -> [ScanFinding]
    /// The last upgrade scan's outdated dependencies; nil when none ran.
    func outdated(forge: String, repository: String) async throws -> OutdatedReport?
}

/// What a retry of a dead job came to.
package enum RetryOutcome: Sendable, Equatable {
    /// Pending again, with fresh attempts; its last error stays until it runs.
    case retried
    /// No dead job has this id (retried already, or never dead).
    case notDead
    /// A review of the same pull request and head commit already waits: that one will run.
    case alreadyWaiting
}

/// The jobs as the dashboard lists them, and a person's second chance for a dead one.
package protocol JobInspection: Sendable {
    /// Jobs in `state`, newest first, as `depth()` counts them (a running job whose lease expired
    /// is pending): at most `limit`, after the first `offset` (a page of the dashboard's list).
    func jobs(in state: JobState, limit: Int, offset: Int) async throws -> [JobRecord]
    func retry(deadJob id: Int64) async throws -> RetryOutcome
}

extension JobInspection {
    /// The newest `limit` jobs in `state`.
    package func jobs(in state: JobState, limit: Int) async throws -> [JobRecord] {
        try await jobs(in: state, limit: limit, offset: 0)
    }
}
