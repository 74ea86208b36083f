import Foundation

/// The kinds of work the bot does.
package enum JobKind: String, Sendable, CaseIterable, Codable {
    case review, command, upgrade, scan
    /// The default branch's images scanned, and the repository's vulnerable-images issue kept.
    case scanImages = "scan-images"
}

/// Where a job is in its life.
package enum JobState: String, Sendable, CaseIterable, Codable {
    /// Waiting for a worker (possibly not before `runAfter`).
    case pending
    /// Leased by a worker whose lease has not expired.
    case running
    case done
    /// Out of attempts: kept with its last error for a person to look at.
    case dead
    /// A newer head commit of the same pull request made this review pointless.
    case superseded
}

/// A job to store.
package struct NewJob: Sendable, Equatable {
    package var kind: JobKind
    /// The job's parameters as JSON (what to review, which command...).
    package var payload: Data
    /// The pull request it works on ("github:acme/shop#12"): at most one job per key runs at a time.
    package var pullRequestKey: String?
    /// For reviews: the head commit; storing a review of a newer head supersedes pending ones of the same key.
    package var headSHA: String?
    /// The webhook delivery it came from; a second delivery with the same id is a duplicate.
    package var deliveryID: String?

    package init(
        kind: JobKind, payload: Data, pullRequestKey: String? = nil, headSHA: String? = nil, deliveryID: String? = nil
    ) {
        self.kind = kind
        self.payload = payload
        self.pullRequestKey = pullRequestKey
        self.headSHA = headSHA
        self.deliveryID = deliveryID
    }
}

/// A job as stored.
package struct JobRecord: Sendable, Equatable {
    package var id: Int64
    package var kind: JobKind
    package var payload: Data
    package var pullRequestKey: String?
    package var headSHA: String?
    package var deliveryID: String?
    package var state: JobState
    /// Attempts started so far (a released job does not count).
    package var attempts: Int
    package var runAfter: Date
    package var leaseOwner: String?
    package var leaseExpires: Date?
    package var lastError: String?
    package var createdAt: Date

    package init(
        id: Int64, kind: JobKind, payload: Data, pullRequestKey: String?, headSHA: String?, deliveryID: String?,
        state: JobState,
        attempts: Int, runAfter: Date, leaseOwner: String?, leaseExpires: Date?, lastError: String?, createdAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.pullRequestKey = pullRequestKey
        self.headSHA = headSHA
        self.deliveryID = deliveryID
        self.state = state
        self.attempts = attempts
        self.runAfter = runAfter
        self.leaseOwner = leaseOwner
        self.leaseExpires = leaseExpires
        self.lastError = lastError
        self.createdAt = createdAt
    }
}

/// A job a worker holds: the record and the lease it holds it by.
package struct LeasedJob: Sendable, Equatable {
    package var record: JobRecord
    package var owner: String
    package var expires: Date

    package init(record: JobRecord, owner: String, expires: Date) {
        self.record = record
        self.owner = owner
        self.expires = expires
    }
}

package enum EnqueueOutcome: Sendable, Equatable {
    case stored(id: Int64)
    /// The delivery was stored before, or a review of the same pull request and head commit is
    /// already waiting or running: nothing new.
    case duplicate
}

package enum FailureOutcome: Sendable, Equatable {
    case retrying(at: Date)
    case deadLettered
}

/// The durable job queue: SQLite for one process, PostgreSQL for several replicas. At-least-once:
/// a job whose worker vanished is leased again once its lease expires.
package protocol JobQueue: Sendable {
    /// Stores the job durably before returning.
    func enqueue(_ job: NewJob) async throws -> EnqueueOutcome
    /// The oldest pending job that may run now and whose pull request has no running job; nil when none.
    func lease(owner: String, for duration: Duration, kinds: Set<JobKind>?) async throws -> LeasedJob?
    /// Extends the lease; false when the lease was lost (expired and taken by another worker).
    func heartbeat(_ job: LeasedJob, extendBy duration: Duration) async throws -> Bool
    func complete(_ job: LeasedJob) async throws
    /// Schedules another attempt after `retryAfter` (the queue's backoff when nil), or dead-letters
    /// the job when it is out of attempts; keeps the error.
    func fail(_ job: LeasedJob, error: String, retryAfter: Duration?) async throws -> FailureOutcome
    /// Gives the job back untouched (shutdown): pending again, the attempt not counted.
    func release(_ job: LeasedJob) async throws
    func job(id: Int64) async throws -> JobRecord?
    /// How many jobs are in each state.
    func depth() async throws -> [JobState: Int]
    /// Throws when the store cannot be reached or refuses a write (readiness): one row of its
    /// own is written, so a full disk or a read-only replica shows before a delivery is lost.
    func ping() async throws
}
