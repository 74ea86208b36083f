import Bot
import Foundation
import Testing

/// Stores written by earlier versions open with this one: duplicates of a waiting review are
/// superseded (the oldest kept, a running one left alone), and a store that had the earlier
/// "one active review per head" index takes a re-run of a head whose review is running.
@Suite struct WaitingReviewMigrationTests {
    static func review(_ delivery: String, head: String = "aaa") -> NewJob {
        NewJob(
            kind: .review, payload: Data(), pullRequestKey: "github:acme/shop#7", headSHA: head, deliveryID: delivery)
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func aStoreWithDuplicateWaitingReviewsOpensAndKeepsTheOldest(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            _ = try await store.open()
            try await store.execute { tables in
                let rewind =
                    backend == .sqlite
                    ? [
                        "DROP INDEX jobs_one_waiting_review",
                        "DELETE FROM grdb_migrations WHERE identifier = 'one waiting review per head'",
                    ]
                    : ["DROP INDEX \(tables)jobs_one_waiting_review"]
                let payload = backend == .sqlite ? "X''" : "''::bytea"
                let rows = [("d1", "pending"), ("d2", "pending"), ("d3", "running"), ("other-head", "pending")].map {
                    delivery, state in
                    "INSERT INTO \(tables)jobs (kind, payload, pull_request_key, head_sha, delivery_id, state, attempts, run_after_ms, created_at_ms) "
                        + "VALUES ('review', \(payload), 'github:acme/shop#7', '\(delivery == "other-head" ? "bbb" : "aaa")', '\(delivery)', '\(state)', 0, 0, 0)"
                }
                return rewind + rows
            }

            let queue = try await store.open()

            #expect(try await queue.job(id: 1)?.state == .pending)
            #expect(try await queue.job(id: 2)?.state == .superseded)
            #expect(try await queue.job(id: 3)?.state == .running)
            #expect(try await queue.job(id: 4)?.state == .pending)
            #expect(try await queue.enqueue(Self.review("d4")) == .duplicate)
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func aStoreWithTheEarlierActiveReviewIndexTakesAReRunWhileItsReviewRuns(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            _ = try await store.open()
            try await store.execute { tables in
                let earlier = """
                    CREATE UNIQUE INDEX \(backend == .sqlite ? "" : "IF NOT EXISTS ")jobs_one_active_review ON \(tables)jobs (pull_request_key, head_sha)
                    WHERE kind = 'review' AND state IN ('pending', 'running')
                    """
                return backend == .sqlite
                    ? [
                        "DROP INDEX jobs_one_waiting_review",
                        "DELETE FROM grdb_migrations WHERE identifier = 'one waiting review per head'", earlier,
                    ]
                    : ["DROP INDEX \(tables)jobs_one_waiting_review", earlier]
            }

            let queue = try await store.open()
            _ = try await queue.enqueue(Self.review("d1"))
            let running = try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: [.review]))
            #expect(try await queue.enqueue(Self.review("re-run")) != .duplicate)
            #expect(try await queue.enqueue(Self.review("replay")) == .duplicate)
            try await queue.complete(running)
        }
    }
}
