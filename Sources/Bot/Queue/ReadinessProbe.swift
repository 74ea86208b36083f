/// The one row readiness writes (SQLite and PostgreSQL alike): a queue that answers reads but
/// refuses writes (a full disk, a read-only replica after a failover) is not ready.
enum ReadinessProbe {
    static let createTable = """
        CREATE TABLE IF NOT EXISTS readiness (id INTEGER PRIMARY KEY CHECK (id = 1), writes BIGINT NOT NULL)
        """

    static let write = """
        INSERT INTO readiness (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = readiness.writes + 1
        """
}
