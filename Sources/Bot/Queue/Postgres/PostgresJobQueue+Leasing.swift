import Foundation
import PostgresNIO

extension PostgresJobQueue {
    package func lease(owner: String, for duration: Duration, kinds: Set<JobKind>?) async throws -> LeasedJob? {
        if let kinds, kinds.isEmpty { return nil }
        let now = settings.now().queueMilliseconds
        let expires = now + duration.queueMilliseconds
        let kindNames = (kinds ?? Set(JobKind.allCases)).map(\.rawValue).sorted()
        return try await perform("lease") {
            try await self.client.withTransaction(logger: self.logger) { connection -> LeasedJob? in
                try await self.takeLeaseLock(connection)
                // SKIP LOCKED: a row another transaction is changing (a completion, a supersede) is
                // passed over rather than waited for, and no two replicas ever claim the same row.
                let rows = try await connection.query(
                    """
                    UPDATE jobs SET state = 'running', lease_owner = \(owner), lease_expires_ms = \(expires), attempts = attempts + 1
                    WHERE id = (
                        SELECT candidate.id FROM jobs AS candidate
                        WHERE (candidate.state = 'pending' OR (candidate.state = 'running' AND candidate.lease_expires_ms <= \(now)))
                          AND candidate.run_after_ms <= \(now)
                          AND candidate.kind = ANY(\(kindNames))
                          AND (candidate.pull_request_key IS NULL OR NOT EXISTS (
                              SELECT 1 FROM jobs AS busy
                              WHERE busy.pull_request_key = candidate.pull_request_key
                                AND busy.state = 'running' AND busy.lease_expires_ms > \(now)))
                        ORDER BY candidate.id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED)
                    RETURNING *
                    """, logger: self.logger
                ).collect()
                guard let row = rows.first else { return nil }
                return LeasedJob(
                    record: try JobRecord(postgresRow: row), owner: owner, expires: Date(queueMilliseconds: expires))
            }
        }
    }

    package func heartbeat(_ job: LeasedJob, extendBy duration: Duration) async throws -> Bool {
        let expires = settings.now().queueMilliseconds + duration.queueMilliseconds
        return try await perform("heartbeat", jobID: job.record.id) {
            try await self.client.withTransaction(logger: self.logger) { connection -> Bool in
                // Serialized with leases: an extension must not land after a lease saw this job's
                // lease as expired and started another job of the same pull request.
                try await self.takeLeaseLock(connection)
                let rows = try await connection.query(
                    """
                    UPDATE jobs SET lease_expires_ms = \(expires)
                    WHERE \(heldBy: job) RETURNING id
                    """, logger: self.logger
                ).collect()
                return !rows.isEmpty
            }
        }
    }

    package func complete(_ job: LeasedJob) async throws {
        try await updateHeld(
            job, operation: "complete",
            "UPDATE jobs SET state = 'done', lease_expires_ms = NULL WHERE \(heldBy: job) RETURNING id")
    }

    package func fail(_ job: LeasedJob, error: String, retryAfter: Duration?) async throws -> FailureOutcome {
        if job.record.attempts >= settings.maximumAttempts {
            try await updateHeld(
                job, operation: "fail",
                "UPDATE jobs SET state = 'dead', last_error = \(error), lease_expires_ms = NULL WHERE \(heldBy: job) RETURNING id"
            )
            return .deadLettered
        }
        let delay = retryAfter ?? settings.retryDelay(afterAttempts: job.record.attempts)
        let retryAt = settings.now().queueMilliseconds + delay.queueMilliseconds
        try await updateHeld(
            job, operation: "fail",
            """
            UPDATE jobs SET state = 'pending', run_after_ms = \(retryAt), last_error = \(error), lease_owner = NULL, lease_expires_ms = NULL
            WHERE \(heldBy: job) RETURNING id
            """)
        return .retrying(at: Date(queueMilliseconds: retryAt))
    }

    package func release(_ job: LeasedJob) async throws {
        let now = settings.now().queueMilliseconds
        try await updateHeld(
            job, operation: "release",
            """
            UPDATE jobs SET state = 'pending', run_after_ms = \(now), attempts = attempts - 1, lease_owner = NULL, lease_expires_ms = NULL
            WHERE \(heldBy: job) RETURNING id
            """)
    }

    /// Every lease of this table runs under one transaction-scoped advisory lock, keyed by the
    /// table's oid. Under READ COMMITTED a lease racing another could otherwise both see the other's
    /// job of the same pull request as still pending (SKIP LOCKED hides it, it does not wait) and
    /// start two jobs of one pull request. Taken in its own statement, so the lease's statement
    /// that follows reads a snapshot from after every earlier lease committed.
    func takeLeaseLock(_ connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock('jobs'::regclass::oid::bigint)", logger: logger)
    }

    /// Runs `statement`, an UPDATE of the job `WHERE \(heldBy: job) RETURNING id`; when it changed
    /// nothing the caller's lease was lost, and the error says what became of the job.
    private func updateHeld(_ job: LeasedJob, operation: String, _ statement: PostgresQuery) async throws {
        try await perform(operation, jobID: job.record.id) {
            let rows = try await self.client.query(statement, logger: self.logger).collect()
            guard rows.isEmpty else { return }
            let current = try await self.fetchJob(id: job.record.id)
            throw QueueError(
                code: .leaseLost, store: self.store, operation: operation, jobID: job.record.id,
                reason: LeaseLoss.reason(for: job, current: current))
        }
    }
}

extension PostgresQuery.StringInterpolation {
    /// The caller holds a lease when the job still runs under its owner and attempt: a worker whose
    /// lease expired and was taken again, even by the same owner name, no longer does.
    mutating func appendInterpolation(heldBy job: LeasedJob) {
        appendLiteral("id = ")
        appendInterpolation(job.record.id)
        appendLiteral(" AND state = 'running' AND lease_owner = ")
        appendInterpolation(job.owner)
        appendLiteral(" AND attempts = ")
        appendInterpolation(job.record.attempts)
    }
}
