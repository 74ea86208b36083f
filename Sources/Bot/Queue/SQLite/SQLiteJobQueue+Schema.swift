import GRDB

extension SQLiteJobQueue {
    /// The schema, one migration per change; GRDB records which ran in `grdb_migrations`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("create jobs") { db in
            // AUTOINCREMENT: ids are never reused, so "oldest by id" stays true after deletions.
            try db.execute(
                sql: """
                    CREATE TABLE jobs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        payload BLOB NOT NULL,
                        pull_request_key TEXT,
                        head_sha TEXT,
                        delivery_id TEXT UNIQUE,
                        state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead', 'superseded')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        run_after_ms INTEGER NOT NULL,
                        lease_owner TEXT,
                        lease_expires_ms INTEGER,
                        last_error TEXT,
                        created_at_ms INTEGER NOT NULL
                    );
                    CREATE INDEX jobs_by_state ON jobs (state, id);
                    CREATE INDEX jobs_by_pull_request ON jobs (pull_request_key, state) WHERE pull_request_key IS NOT NULL;
                    """)
        }
        migrator.registerMigration("create installations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE installations (
                        repository TEXT PRIMARY KEY,
                        installation_id INTEGER NOT NULL,
                        updated_at_ms INTEGER NOT NULL
                    );
                    CREATE INDEX installations_by_id ON installations (installation_id);
                    """)
        }
        migrator.registerMigration("one active review per head") { db in
            for statement in WaitingReviewUniqueness.earlierMigration { try db.execute(sql: statement) }
        }
        migrator.registerMigration("readiness probe") { db in
            try db.execute(sql: ReadinessProbe.createTable)
        }
        migrator.registerMigration("one waiting review per head") { db in
            try db.execute(sql: WaitingReviewUniqueness.dropEarlierIndex)
            try db.execute(sql: WaitingReviewUniqueness.supersedeDuplicates)
            try db.execute(sql: WaitingReviewUniqueness.createIndex)
        }
        migrator.registerMigration("scan history") { db in
            for statement in ScanHistorySchema.statements(idColumn: "INTEGER PRIMARY KEY AUTOINCREMENT") {
                try db.execute(sql: statement)
            }
        }
        return migrator
    }
}
