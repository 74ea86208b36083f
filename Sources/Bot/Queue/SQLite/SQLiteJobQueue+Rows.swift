import Foundation
import GRDB

extension JobRecord {
    /// Reads a `jobs` row; a kind or state this build does not know is an error, not a guess.
    init(sqliteRow row: Row) throws {
        let leaseExpires: Int64? = row["lease_expires_ms"]
        self.init(
            id: row["id"],
            kind: try JobKind(stored: row["kind"]),
            payload: row["payload"],
            pullRequestKey: row["pull_request_key"],
            headSHA: row["head_sha"],
            deliveryID: row["delivery_id"],
            state: try JobState(stored: row["state"]),
            attempts: row["attempts"],
            runAfter: Date(queueMilliseconds: row["run_after_ms"]),
            leaseOwner: row["lease_owner"],
            leaseExpires: leaseExpires.map(Date.init(queueMilliseconds:)),
            lastError: row["last_error"],
            createdAt: Date(queueMilliseconds: row["created_at_ms"])
        )
    }
}
