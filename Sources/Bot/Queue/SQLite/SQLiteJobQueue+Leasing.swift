import Foundation
import GRDB

extension SQLiteJobQueue {
    package func lease(owner: String, for duration: Duration, kinds: Set<JobKind>?) async throws -> LeasedJob? {
        if let kinds, kinds.isEmpty { return nil }
        let now = settings.now().queueMilliseconds
        let expires = now + duration.queueMilliseconds
        let kindNames = kinds.map { $0.map(\.rawValue).sorted() }
        let kindFilter =
            kindNames.map {
                "AND candidate.kind IN (\(Array(repeating: "?", count: $0.count).joined(separator: ", ")))"
            } ?? ""
        let arguments: StatementArguments = [owner, expires, now, now] + StatementArguments(kindNames ?? []) + [now]
        return try await write("lease") { db in
            // One statement: the oldest job that may run, whose pull request has no live lease,
            // claimed in the same step it is chosen. An expired lease counts as pending again.
            let row = try Row.fetchOne(
                db,
                sql: """
                    UPDATE jobs SET state = 'running', lease_owner = ?, lease_expires_ms = ?, attempts = attempts + 1
                    WHERE id = (
                        SELECT candidate.id FROM jobs AS candidate
                        WHERE (candidate.state = 'pending' OR (candidate.state = 'running' AND candidate.lease_expires_ms <= ?))
                          AND candidate.run_after_ms <= ?
                          \(kindFilter)
                          AND (candidate.pull_request_key IS NULL OR NOT EXISTS (
                              SELECT 1 FROM jobs AS busy
                              WHERE busy.pull_request_key = candidate.pull_request_key
                                AND busy.state = 'running' AND busy.lease_expires_ms > ?))
                        ORDER BY candidate.id
                        LIMIT 1)
                    RETURNING *
                    """, arguments: arguments)
            guard let row else { return nil }
            return LeasedJob(
                record: try JobRecord(sqliteRow: row), owner: owner, expires: Date(queueMilliseconds: expires))
        }
    }

    package func heartbeat(_ job: LeasedJob, extendBy duration: Duration) async throws -> Bool {
        let expires = settings.now().queueMilliseconds + duration.queueMilliseconds
        return try await write("heartbeat", jobID: job.record.id) { db in
            try db.execute(
                sql: "UPDATE jobs SET lease_expires_ms = ? WHERE \(Self.heldByCaller)",
                arguments: [expires] + Self.holder(job))
            return db.changesCount > 0
        }
    }

    package func complete(_ job: LeasedJob) async throws {
        try await updateHeld(job, operation: "complete", sql: "state = 'done', lease_expires_ms = NULL", arguments: [])
    }

    package func fail(_ job: LeasedJob, error: String, retryAfter: Duration?) async throws -> FailureOutcome {
        if job.record.attempts >= settings.maximumAttempts {
            try await updateHeld(
                job, operation: "fail", sql: "state = 'dead', last_error = ?, lease_expires_ms = NULL",
                arguments: [error])
            return .deadLettered
        }
        let delay = retryAfter ?? settings.retryDelay(afterAttempts: job.record.attempts)
        let retryAt = settings.now().queueMilliseconds + delay.queueMilliseconds
        try await updateHeld(
            job, operation: "fail",
            sql: """
                state = 'pending', run_after_ms = ?, last_error = ?, lease_owner = NULL, lease_expires_ms = NULL
                """, arguments: [retryAt, error])
        return .retrying(at: Date(queueMilliseconds: retryAt))
    }

    package func release(_ job: LeasedJob) async throws {
        let now = settings.now().queueMilliseconds
        try await updateHeld(
            job, operation: "release",
            sql: """
                state = 'pending', run_after_ms = ?, attempts = attempts - 1, lease_owner = NULL, lease_expires_ms = NULL
                """, arguments: [now])
    }

    /// The caller holds a lease when the job still runs under its owner and attempt: a worker whose
    /// lease expired and was taken again, even by the same owner name, no longer does.
    static let heldByCaller = "id = ? AND state = 'running' AND lease_owner = ? AND attempts = ?"

    static func holder(_ job: LeasedJob) -> StatementArguments {
        [job.record.id, job.owner, job.record.attempts]
    }

    /// Applies `sql` (a SET list) to the job if the caller still holds it; otherwise says why not.
    private func updateHeld(_ job: LeasedJob, operation: String, sql: String, arguments: StatementArguments)
        async throws
    {
        let store = store
        try await write(operation, jobID: job.record.id) { db in
            try db.execute(
                sql: "UPDATE jobs SET \(sql) WHERE \(Self.heldByCaller)", arguments: arguments + Self.holder(job))
            guard db.changesCount == 0 else { return }
            let current = try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [job.record.id])
                .map(JobRecord.init(sqliteRow:))
            throw QueueError(
                code: .leaseLost, store: store, operation: operation, jobID: job.record.id,
                reason: LeaseLoss.reason(for: job, current: current))
        }
    }
}
