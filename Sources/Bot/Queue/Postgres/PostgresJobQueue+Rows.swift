import Foundation
import PostgresNIO

extension JobRecord {
    /// Reads a `jobs` row; a kind or state this build does not know is an error, not a guess.
    init(postgresRow row: PostgresRow) throws {
        let columns = row.makeRandomAccess()
        self.init(
            id: try columns["id"].decode(Int64.self),
            kind: try JobKind(stored: columns["kind"].decode(String.self)),
            payload: try columns["payload"].decode(Data.self),
            pullRequestKey: try columns["pull_request_key"].decode(String?.self),
            headSHA: try columns["head_sha"].decode(String?.self),
            deliveryID: try columns["delivery_id"].decode(String?.self),
            state: try JobState(stored: columns["state"].decode(String.self)),
            attempts: try columns["attempts"].decode(Int.self),
            runAfter: Date(queueMilliseconds: try columns["run_after_ms"].decode(Int64.self)),
            leaseOwner: try columns["lease_owner"].decode(String?.self),
            leaseExpires: try columns["lease_expires_ms"].decode(Int64?.self).map(Date.init(queueMilliseconds:)),
            lastError: try columns["last_error"].decode(String?.self),
            createdAt: Date(queueMilliseconds: try columns["created_at_ms"].decode(Int64.self))
        )
    }
}
