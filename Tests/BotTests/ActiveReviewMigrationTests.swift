import Bot
import Foundation
import Testing

/// A store from before "one active review per head" may hold such duplicates: opening it with this
/// version keeps the oldest of each, supersedes the others, and from then on stores no new one.
@Suite struct ActiveReviewMigrationTests {
    @Test(arguments: [Backend.sqlite, .postgres])
    func aStoreWithDuplicateActiveReviewsOpensAndKeepsTheOldest(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            _ = try await store.open()
            try await store.execute { tables in
                let rewind = backend == .sqlite
                    ? ["DROP INDEX jobs_one_active_review", "DELETE FROM grdb_migrations WHERE identifier = 'one active review per head'"]
                    : ["DROP INDEX \(tables)jobs_one_active_review"]
                let payload = backend == .sqlite ? "X''" : "''::bytea"
                let rows = [("d1", "pending"), ("d2", "pending"), ("d3", "running"), ("other-head", "pending")].map { delivery, state in
                    "INSERT INTO \(tables)jobs (kind, payload, pull_request_key, head_sha, delivery_id, state, attempts, run_after_ms, created_at_ms) "
                        + "VALUES ('review', \(payload), 'github:acme/shop#7', '\(delivery == "other-head" ? "bbb" : "aaa")', '\(delivery)', '\(state)', 0, 0, 0)"
                }
                return rewind + rows
            }

            let queue = try await store.open()

            #expect(try await queue.job(id: 1)?.state == .pending)
            #expect(try await queue.job(id: 2)?.state == .superseded)
            #expect(try await queue.job(id: 3)?.state == .superseded)
            #expect(try await queue.job(id: 4)?.state == .pending)
            let replay = NewJob(kind: .review, payload: Data(), pullRequestKey: "github:acme/shop#7", headSHA: "aaa", deliveryID: "d4")
            #expect(try await queue.enqueue(replay) == .duplicate)
        }
    }
}
