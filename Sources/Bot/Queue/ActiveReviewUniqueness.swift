/// At most one pending or running review per pull request and head commit, whatever the
/// delivery id: a signed delivery replayed under a new id (or a check re-run while the review
/// is still queued) adds nothing. The same SQL for SQLite and PostgreSQL; the insert's
/// `ON CONFLICT DO NOTHING` then reports the job as a duplicate.
enum ActiveReviewUniqueness {
    static let createIndex = """
        CREATE UNIQUE INDEX IF NOT EXISTS jobs_one_active_review ON jobs (pull_request_key, head_sha)
        WHERE kind = 'review' AND state IN ('pending', 'running')
        """

    /// Before the index exists, a queue may already hold such duplicates: all but the oldest go.
    static let supersedeDuplicates = """
        UPDATE jobs SET state = 'superseded', lease_owner = NULL, lease_expires_ms = NULL
        WHERE kind = 'review' AND state IN ('pending', 'running') AND id NOT IN (
            SELECT MIN(id) FROM jobs WHERE kind = 'review' AND state IN ('pending', 'running')
            GROUP BY pull_request_key, head_sha)
        """
}
