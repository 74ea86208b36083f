import Foundation
import GRDB

/// The embedded queue: one SQLite file in WAL mode, for a single bot process.
///
/// A `DatabasePool` rather than a `DatabaseQueue`: SQLite serializes writers anyway (and GRDB runs
/// every write of this process on one writer queue, each as an IMMEDIATE transaction), but with WAL
/// the pool's readers (`depth`, `job(id:)`, `ping`) never wait behind a lease or an enqueue.
/// Every call is GRDB's async variant, so the work runs on GRDB's own queues, not the cooperative pool.
package final class SQLiteJobQueue: JobQueue {
    package let path: String
    let database: DatabasePool
    let settings: QueueSettings
    private let groupCommit = GroupCommit()

    /// Opens (creating the file and its folder when missing) and migrates the queue at `path`.
    /// Blocks while it opens and migrates: call it at startup, not from a busy task.
    package init(path: String, settings: QueueSettings = QueueSettings()) throws {
        self.path = path
        self.settings = settings
        let store = Self.storeName(path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw QueueError(
                code: .unavailable, store: store, operation: "open",
                reason: "cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
        var configuration = Configuration()
        // Another process on the same file (a CLI run next to the server) waits instead of failing.
        configuration.busyMode = .timeout(10)
        configuration.label = "shipshape.queue"
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw QueueError(code: .unavailable, store: store, operation: "open", reason: "\(error)")
        }
    }

    var store: String { Self.storeName(path) }

    private static func storeName(_ path: String) -> String { "SQLite queue \(path)" }

    package func enqueue(_ job: NewJob) async throws -> EnqueueOutcome {
        try await groupCommit.enqueue(job) { jobs in try await self.insert(jobs) }
    }

    /// One transaction for a batch of jobs (see `GroupCommit`), in the order they came.
    func insert(_ jobs: [NewJob]) async throws -> [EnqueueOutcome] {
        let now = settings.now().queueMilliseconds
        return try await write("enqueue") { db in
            try jobs.map { job in try Self.insert(job, into: db, now: now) }
        }
    }

    private static func insert(_ job: NewJob, into db: Database, now: Int64) throws -> EnqueueOutcome {
        let inserted = try Int64.fetchOne(
            db,
            sql: """
                INSERT INTO jobs (kind, payload, pull_request_key, head_sha, delivery_id, state, attempts, run_after_ms, created_at_ms)
                VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING id
                """,
            arguments: [job.kind.rawValue, job.payload, job.pullRequestKey, job.headSHA, job.deliveryID, now, now])
        guard let id = inserted else { return .duplicate }
        if job.kind == .review, let key = job.pullRequestKey, let head = job.headSHA {
            // Pending includes a running job whose lease expired: no worker is on it any more.
            try db.execute(
                sql: """
                    UPDATE jobs SET state = 'superseded', lease_owner = NULL, lease_expires_ms = NULL
                    WHERE kind = 'review' AND pull_request_key = ? AND head_sha IS NOT ? AND id <> ?
                      AND (state = 'pending' OR (state = 'running' AND lease_expires_ms <= ?))
                    """, arguments: [key, head, id, now])
        }
        return .stored(id: id)
    }

    package func job(id: Int64) async throws -> JobRecord? {
        try await read("read", jobID: id) { db in
            try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [id]).map(
                JobRecord.init(sqliteRow:))
        }
    }

    package func depth() async throws -> [JobState: Int] {
        let now = settings.now().queueMilliseconds
        return try await read("depth") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT CASE WHEN state = 'running' AND lease_expires_ms <= ? THEN 'pending' ELSE state END AS effective_state,
                           COUNT(*) AS count
                    FROM jobs GROUP BY effective_state
                    """, arguments: [now])
            var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
            for row in rows {
                counts[try JobState(stored: row["effective_state"])] = row["count"]
            }
            return counts
        }
    }

    package func ping() async throws {
        try await write("ping") { db in try db.execute(sql: ReadinessProbe.write) }
    }

    func write<T: Sendable>(
        _ operation: String, jobID: Int64? = nil,
        _ updates: @escaping @Sendable (Database) throws -> T
    ) async throws -> T {
        do {
            return try await database.write(updates)
        } catch let error as QueueError {
            throw error
        } catch {
            throw QueueError(code: .storeFailed, store: store, operation: operation, jobID: jobID, reason: "\(error)")
        }
    }

    func read<T: Sendable>(
        _ operation: String, jobID: Int64? = nil,
        _ value: @escaping @Sendable (Database) throws -> T
    ) async throws -> T {
        do {
            return try await database.read(value)
        } catch {
            throw QueueError(code: .storeFailed, store: store, operation: operation, jobID: jobID, reason: "\(error)")
        }
    }
}
