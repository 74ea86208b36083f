/// The dashboard's job queries, the same SQL for SQLite and PostgreSQL (`$1`: now in milliseconds).
enum JobInspectionSQL {
    /// Jobs in state `$2` as `depth()` counts them, newest first, at most `$3` after the first `$4`.
    static let jobsInState = """
        SELECT * FROM jobs
        WHERE CASE WHEN state = 'running' AND lease_expires_ms <= $1 THEN 'pending' ELSE state END = $2
        ORDER BY id DESC LIMIT $3 OFFSET $4
        """

    /// Dead job `$2` made pending with fresh attempts, unless a review of the same pull request and
    /// head already waits (the one-waiting-review index would refuse it).
    static let retry = """
        UPDATE jobs SET state = 'pending', attempts = 0, run_after_ms = $1, lease_owner = NULL, lease_expires_ms = NULL
        WHERE id = $2 AND state = 'dead' AND NOT (kind = 'review' AND EXISTS (
            SELECT 1 FROM jobs AS waiting WHERE waiting.kind = 'review' AND waiting.state = 'pending'
              AND waiting.pull_request_key = jobs.pull_request_key AND waiting.head_sha = jobs.head_sha))
        RETURNING id
        """

    static let isDead = "SELECT COUNT(*) FROM jobs WHERE id = $1 AND state = 'dead'"
}
