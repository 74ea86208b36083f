import Bot
import Foundation
import Testing

/// What the dashboard's jobs page reads and does: jobs by state, and a dead job retried.
@Suite struct JobInspectionTests {
    /// Leases and fails `job` until the queue (three attempts) dead-letters it.
    static func kill(_ queue: any BotDatabase, _ store: QueueStore, error: String) async throws {
        for _ in 0..<3 {
            store.clock.advance(by: .seconds(120))
            let leased = try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil))
            _ = try await queue.fail(leased, error: error, retryAfter: .seconds(1))
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func listsJobsByStateAsDepthCountsThem(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            _ = try await queue.enqueue(NewJob(kind: .scan, payload: Data("one".utf8)))
            _ = try await queue.enqueue(NewJob(kind: .upgrade, payload: Data("two".utf8)))
            let leased = try #require(try await queue.lease(owner: "worker-1", for: .seconds(60), kinds: [.scan]))
            #expect(try await queue.jobs(in: .running, limit: 10).map(\.id) == [leased.record.id])
            #expect(try await queue.jobs(in: .running, limit: 10).first?.leaseOwner == "worker-1")
            #expect(try await queue.jobs(in: .pending, limit: 10).map(\.kind) == [.upgrade])
            // A lease that expired counts as pending, as in depth().
            store.clock.advance(by: .seconds(61))
            #expect(try await queue.jobs(in: .running, limit: 10).isEmpty)
            #expect(try await queue.jobs(in: .pending, limit: 10).map(\.kind) == [.upgrade, .scan])
            #expect(try await queue.jobs(in: .pending, limit: 1).map(\.kind) == [.upgrade])
            #expect(try await queue.jobs(in: .pending, limit: 1, offset: 1).map(\.kind) == [.scan])
            #expect(try await queue.jobs(in: .pending, limit: 5, offset: 2).isEmpty)
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func aRetriedDeadJobRunsAgainWithFreshAttempts(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            guard case .stored(let id) = try await queue.enqueue(NewJob(kind: .scan, payload: Data())) else {
                Issue.record("the job was not stored")
                return
            }
            #expect(try await queue.retry(deadJob: id) == .notDead)
            try await Self.kill(queue, store, error: "forge said 502")
            let dead = try await queue.jobs(in: .dead, limit: 10)
            #expect(dead.map(\.id) == [id] && dead.first?.lastError == "forge said 502")

            #expect(try await queue.retry(deadJob: id) == .retried)
            #expect(try await queue.retry(deadJob: id) == .notDead)
            #expect(try await queue.jobs(in: .dead, limit: 10).isEmpty)
            let again = try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil))
            #expect(again.record.id == id && again.record.attempts == 1)
            #expect(try await queue.retry(deadJob: 9_999) == .notDead)
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func aDeadReviewIsNotRetriedWhileTheSameHeadsReviewWaits(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let review = NewJob(kind: .review, payload: Data(), pullRequestKey: "github:acme/shop#1", headSHA: "abc")
            guard case .stored(let id) = try await queue.enqueue(review) else {
                Issue.record("the review was not stored")
                return
            }
            try await Self.kill(queue, store, error: "timeout")
            _ = try await queue.enqueue(review)
            #expect(try await queue.retry(deadJob: id) == .alreadyWaiting)
            #expect(try await queue.jobs(in: .dead, limit: 10).map(\.id) == [id])
        }
    }
}
