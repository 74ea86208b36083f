/// At most one waiting (pending) review per pull request and head commit, whatever the delivery
/// id: a signed delivery replayed under a new id, or a check re-run, while that review still
/// waits adds nothing (the insert's `ON CONFLICT DO NOTHING` reports a duplicate). One asked for
/// while the review runs is kept and runs after it, one job at a time per pull request: a re-run
/// may want what the running review started too early to see (a moved base, a publication that
/// failed), and a review of the same head again posts nothing twice, so a replay costs one review
/// at most. The same SQL for SQLite and PostgreSQL.
enum WaitingReviewUniqueness {
    static let createIndex = """
        CREATE UNIQUE INDEX IF NOT EXISTS jobs_one_waiting_review ON jobs (pull_request_key, head_sha)
        WHERE kind = 'review' AND state = 'pending'
        """

    /// Before the index exists, a queue may already hold such duplicates: all but the oldest go.
    static let supersedeDuplicates = """
        UPDATE jobs SET state = 'superseded', lease_owner = NULL, lease_expires_ms = NULL
        WHERE kind = 'review' AND state = 'pending' AND id NOT IN (
            SELECT MIN(id) FROM jobs WHERE kind = 'review' AND state = 'pending'
            GROUP BY pull_request_key, head_sha)
        """

    /// The index of an earlier version, which also counted a running review and so dropped a
    /// re-run asked for while it ran.
    static let dropEarlierIndex = "DROP INDEX IF EXISTS jobs_one_active_review"

    /// What the earlier version's SQLite migration ran, kept as it was: a store that has not run
    /// it yet runs it, then the next migration replaces its index.
    static let earlierMigration = [
        """
        UPDATE jobs SET state = 'superseded', lease_owner = NULL, lease_expires_ms = NULL
        WHERE kind = 'review' AND state IN ('pending', 'running') AND id NOT IN (
            SELECT MIN(id) FROM jobs WHERE kind = 'review' AND state IN ('pending', 'running')
            GROUP BY pull_request_key, head_sha)
        """,
        """
        CREATE UNIQUE INDEX IF NOT EXISTS jobs_one_active_review ON jobs (pull_request_key, head_sha)
        WHERE kind = 'review' AND state IN ('pending', 'running')
        """,
    ]
}
