/// The scan history's tables, the same SQL for SQLite and PostgreSQL but for the id column.
/// Times are Unix milliseconds, as the jobs' (see QueueTimestamps.swift).
enum ScanHistorySchema {
    static func statements(idColumn: String) -> [String] {
        [
            """
            CREATE TABLE IF NOT EXISTS scans (
                id \(idColumn),
                forge TEXT NOT NULL,
                repository TEXT NOT NULL,
                commit_sha TEXT NOT NULL,
                scanned_at_ms BIGINT NOT NULL,
                objects_checked INTEGER NOT NULL,
                checks_run INTEGER NOT NULL,
                dangers INTEGER NOT NULL,
                warnings INTEGER NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS scans_by_repository ON scans (forge, repository, scanned_at_ms)",
            """
            CREATE TABLE IF NOT EXISTS scan_findings (
                scan_id BIGINT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
                check_id TEXT NOT NULL,
                severity TEXT NOT NULL CHECK (severity IN ('danger', 'warning')),
                category TEXT NOT NULL,
                file TEXT NOT NULL,
                line INTEGER NOT NULL,
                namespace TEXT NOT NULL,
                object TEXT NOT NULL,
                message TEXT NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS scan_findings_by_scan ON scan_findings (scan_id)",
            """
            CREATE TABLE IF NOT EXISTS upgrade_scans (
                forge TEXT NOT NULL,
                repository TEXT NOT NULL,
                commit_sha TEXT NOT NULL,
                scanned_at_ms BIGINT NOT NULL,
                PRIMARY KEY (forge, repository)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS outdated_dependencies (
                forge TEXT NOT NULL,
                repository TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('chart', 'image')),
                add_on TEXT NOT NULL,
                name TEXT NOT NULL,
                file TEXT NOT NULL,
                line INTEGER NOT NULL,
                current_version TEXT NOT NULL,
                newest_allowed TEXT,
                pull_request INTEGER,
                FOREIGN KEY (forge, repository) REFERENCES upgrade_scans (forge, repository) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX IF NOT EXISTS outdated_by_repository ON outdated_dependencies (forge, repository)",
        ]
    }

    /// Deletes the repository's scans beyond the newest `?3` (arguments: forge, repository, count).
    static let pruneByCount = """
        DELETE FROM scans WHERE forge = $1 AND repository = $2 AND id NOT IN (
            SELECT id FROM scans WHERE forge = $1 AND repository = $2
            ORDER BY scanned_at_ms DESC, id DESC LIMIT $3)
        """

    /// Deletes scans older than `$1` (milliseconds) except each repository's newest.
    static let pruneByAge = """
        DELETE FROM scans WHERE scanned_at_ms < $1 AND EXISTS (
            SELECT 1 FROM scans AS newer WHERE newer.forge = scans.forge AND newer.repository = scans.repository
              AND (newer.scanned_at_ms > scans.scanned_at_ms
                   OR (newer.scanned_at_ms = scans.scanned_at_ms AND newer.id > scans.id)))
        """

    static let latestScans = """
        SELECT * FROM scans WHERE id IN (
            SELECT (SELECT id FROM scans AS newest WHERE newest.forge = repositories.forge
                      AND newest.repository = repositories.repository
                    ORDER BY scanned_at_ms DESC, id DESC LIMIT 1)
            FROM (SELECT DISTINCT forge, repository FROM scans) AS repositories)
        ORDER BY forge, repository
        """
}
