import PostgresNIO

extension PostgresJobQueue {
    /// Taken inside the migration's transaction. Per schema: one database-wide key made every
    /// queue of the database wait while any one migration's transaction was open.
    static let migrationLock = SchemaAdvisoryLock(key: 0x5348_5051)  // "SHPQ"

    /// Idempotent: every statement creates only what is missing, and replicas starting together take
    /// turns (concurrent `CREATE TABLE IF NOT EXISTS` in one schema can still collide in the catalogue).
    /// Times are Unix milliseconds, as in the SQLite queue (see QueueTimestamps.swift).
    func migrate() async throws {
        try await perform("create the jobs table", code: .unavailable) {
            try await self.withinDeadline(self.startUpLimit) { try await self.createTable() }
        }
    }

    private func createTable() async throws {
        try await client.withTransaction(logger: self.logger) { connection in
            try await connection.query(
                PostgresQuery(unsafeSQL: Self.migrationLock.sql("pg_advisory_xact_lock")), logger: self.logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS jobs (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    kind TEXT NOT NULL,
                    payload BYTEA NOT NULL,
                    pull_request_key TEXT,
                    head_sha TEXT,
                    delivery_id TEXT UNIQUE,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead', 'superseded')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    run_after_ms BIGINT NOT NULL,
                    lease_owner TEXT,
                    lease_expires_ms BIGINT,
                    last_error TEXT,
                    created_at_ms BIGINT NOT NULL
                )
                """, logger: self.logger)
            try await connection.query(
                "CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, id)", logger: self.logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS installations (
                    repository TEXT PRIMARY KEY,
                    installation_id BIGINT NOT NULL,
                    updated_at_ms BIGINT NOT NULL
                )
                """, logger: self.logger)
            try await connection.query(
                "CREATE INDEX IF NOT EXISTS installations_by_id ON installations (installation_id)", logger: self.logger
            )
            try await connection.query(
                """
                CREATE INDEX IF NOT EXISTS jobs_by_pull_request ON jobs (pull_request_key, state)
                WHERE pull_request_key IS NOT NULL
                """, logger: self.logger)
            try await connection.query(PostgresQuery(unsafeSQL: ReadinessProbe.createTable), logger: self.logger)
            try await connection.query(
                PostgresQuery(unsafeSQL: WaitingReviewUniqueness.dropEarlierIndex), logger: self.logger)
            try await connection.query(
                PostgresQuery(unsafeSQL: WaitingReviewUniqueness.supersedeDuplicates), logger: self.logger)
            try await connection.query(
                PostgresQuery(unsafeSQL: WaitingReviewUniqueness.createIndex), logger: self.logger)
            for statement in ScanHistorySchema.statements(idColumn: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY") {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
            }
            for statement in Self.advisorySchema + Self.imageScanSchema {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
            }
        }
    }
}
