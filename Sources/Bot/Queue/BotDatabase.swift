import Vulnerabilities

/// Everything the service keeps in its database, declared by each backend rather than found by
/// casting: the job queue, the installations GitHub told the bot of, how replicas agree on
/// which of them runs the scheduler, and the default branches' scans the dashboard shows.
package protocol BotDatabase: JobQueue, InstallationRegistry, ScanHistory, JobInspection {
    func leadership() -> any LeaderElection
    /// The advisories and branch image scans replicas share, when this database can hold them for
    /// all; nil keeps them in the `vulnerabilities.advisories` SQLite file.
    func sharedAdvisories() -> (any AdvisoryStore & ImageScanArchive)?
}

extension SQLiteJobQueue: BotDatabase {
    /// One process owns an SQLite file: it always leads.
    package func leadership() -> any LeaderElection { SingleProcessLeadership() }
    package func sharedAdvisories() -> (any AdvisoryStore & ImageScanArchive)? { nil }
}

extension PostgresJobQueue: BotDatabase {
    /// Replicas take turns through an advisory lock.
    package func leadership() -> any LeaderElection { PostgresLeadership(queue: self) }
    package func sharedAdvisories() -> (any AdvisoryStore & ImageScanArchive)? { self }
}
