import Bot
import Foundation
import Testing

/// The queue's promises, checked against the real SQLite and PostgreSQL backends alike.
@Suite("Job queue")
struct JobQueueTests {
    @Test(arguments: [Backend.sqlite, .postgres])
    func storesLeasesAndCompletesAJob(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let outcome = try await queue.enqueue(NewJob(kind: .scan, payload: Data(#"{"repo":"acme/shop"}"#.utf8)))
            guard case .stored(let id) = outcome else {
                Issue.record("expected a stored job, got \(outcome)")
                return
            }

            let leased = try #require(try await queue.lease(owner: "worker-1", for: .seconds(60), kinds: nil))
            #expect(leased.record.id == id)
            #expect(leased.record.payload == Data(#"{"repo":"acme/shop"}"#.utf8))
            #expect(leased.record.state == .running)
            #expect(leased.record.attempts == 1)
            #expect(leased.owner == "worker-1")
            #expect(leased.expires == store.clock.now.addingTimeInterval(60))
            #expect(try await queue.lease(owner: "worker-2", for: .seconds(60), kinds: nil) == nil)

            try await queue.complete(leased)
            let stored = try #require(try await queue.job(id: id))
            #expect(stored.state == .done)
            #expect(stored.attempts == 1)
            #expect(try await queue.lease(owner: "worker-2", for: .seconds(60), kinds: nil) == nil)
            #expect(try await queue.job(id: id + 1000) == nil)
            try await queue.ping()
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func leasesOnlyTheKindsAsked(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let scan = try await storedID(queue.enqueue(NewJob(kind: .scan, payload: Data())))
            let upgrade = try await storedID(queue.enqueue(NewJob(kind: .upgrade, payload: Data())))

            #expect(try await queue.lease(owner: "w", for: .seconds(60), kinds: [.review]) == nil)
            #expect(try await queue.lease(owner: "w", for: .seconds(60), kinds: []) == nil)
            #expect(
                try await queue.lease(owner: "w", for: .seconds(60), kinds: [.upgrade, .review])?.record.id == upgrade)
            #expect(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil)?.record.id == scan)
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func aDeliverySeenBeforeIsADuplicateEvenAfterItsJobIsDone(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let job = NewJob(
                kind: .command, payload: Data("fix".utf8), pullRequestKey: "github:acme/shop#1",
                deliveryID: "delivery-1")
            _ = try await storedID(queue.enqueue(job))
            #expect(try await queue.enqueue(job) == .duplicate)
            #expect(try await queue.depth()[.pending] == 1)

            try await queue.complete(try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil)))
            #expect(try await queue.enqueue(job) == .duplicate)
            #expect(try await queue.depth() == depth(done: 1))

            _ = try await storedID(queue.enqueue(NewJob(kind: .command, payload: Data(), deliveryID: "delivery-2")))
            _ = try await storedID(queue.enqueue(NewJob(kind: .command, payload: Data())))
            _ = try await storedID(queue.enqueue(NewJob(kind: .command, payload: Data())))
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func aNewerHeadSupersedesPendingReviewsButNotTheRunningOne(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let key = "github:acme/shop#7"
            let first = try await storedID(queue.enqueue(review(key, head: "aaa")))
            let running = try #require(try await queue.lease(owner: "w1", for: .seconds(60), kinds: nil))
            #expect(running.record.id == first)
            let second = try await storedID(queue.enqueue(review(key, head: "bbb")))
            #expect(try await queue.enqueue(review(key, head: "bbb")) == .duplicate)
            let command = try await storedID(
                queue.enqueue(NewJob(kind: .command, payload: Data(), pullRequestKey: key)))
            let otherPullRequest = try await storedID(queue.enqueue(review("github:acme/shop#8", head: "zzz")))

            let newest = try await storedID(queue.enqueue(review(key, head: "ccc")))

            #expect(try await queue.job(id: first)?.state == .running)
            #expect(try await queue.job(id: second)?.state == .superseded)
            #expect(try await queue.job(id: command)?.state == .pending)
            #expect(try await queue.job(id: otherPullRequest)?.state == .pending)
            #expect(try await queue.job(id: newest)?.state == .pending)

            // The newest review waits for the running one of its pull request.
            #expect(
                try await queue.lease(owner: "w2", for: .seconds(60), kinds: [.review])?.record.id == otherPullRequest)
            #expect(try await queue.lease(owner: "w2", for: .seconds(60), kinds: [.review]) == nil)
            try await queue.complete(running)
            #expect(try await queue.lease(owner: "w2", for: .seconds(60), kinds: [.review])?.record.id == newest)
        }
    }

    /// A signed delivery replayed under a new delivery id, or a check re-run, asks for the review
    /// of a head that is already waiting: nothing is added. One asked for while that review runs
    /// waits behind it (once), and runs when it is done.
    @Test(arguments: [Backend.sqlite, .postgres])
    func aReviewOfAHeadAlreadyWaitingIsADuplicateWhateverItsDeliveryID(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let key = "github:acme/shop#7"
            func delivery(_ id: String, head: String = "aaa") -> NewJob {
                NewJob(kind: .review, payload: Data(head.utf8), pullRequestKey: key, headSHA: head, deliveryID: id)
            }
            let first = try await storedID(queue.enqueue(delivery("delivery-1")))
            #expect(try await queue.enqueue(delivery("delivery-2")) == .duplicate)
            #expect(
                try await queue.enqueue(
                    NewJob(
                        kind: .review, payload: Data(), pullRequestKey: "github:acme/shop#8", headSHA: "aaa",
                        deliveryID: "other-pull-request")) != .duplicate)
            let running = try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: [.review]))
            #expect(running.record.id == first)
            let rerun = try await storedID(queue.enqueue(delivery("delivery-3")))
            #expect(try await queue.enqueue(delivery("delivery-4")) == .duplicate)
            #expect(
                try await queue.enqueue(
                    NewJob(kind: .command, payload: Data(), pullRequestKey: key, headSHA: "aaa", deliveryID: "command"))
                    != .duplicate)
            let otherPullRequest = try #require(try await queue.lease(owner: "w2", for: .seconds(60), kinds: [.review]))
            #expect(otherPullRequest.record.id != rerun, "one job at a time per pull request")
            try await queue.complete(otherPullRequest)

            try await queue.complete(running)
            #expect(try await queue.job(id: rerun)?.state == .pending)
            #expect(try await queue.depth()[.pending] == 2)
            let next = try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: [.review]))
            #expect(next.record.id == rerun)
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func runsOneJobAtATimePerPullRequest(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let first = try await storedID(
                queue.enqueue(NewJob(kind: .review, payload: Data(), pullRequestKey: "pr#1", headSHA: "a")))
            let second = try await storedID(
                queue.enqueue(NewJob(kind: .command, payload: Data(), pullRequestKey: "pr#1")))
            let other = try await storedID(
                queue.enqueue(NewJob(kind: .command, payload: Data(), pullRequestKey: "pr#2")))
            let unkeyed = try await storedID(queue.enqueue(NewJob(kind: .scan, payload: Data())))

            let leasedFirst = try #require(try await queue.lease(owner: "w1", for: .seconds(60), kinds: nil))
            #expect(leasedFirst.record.id == first)
            #expect(try await queue.lease(owner: "w2", for: .seconds(60), kinds: nil)?.record.id == other)
            #expect(try await queue.lease(owner: "w3", for: .seconds(60), kinds: nil)?.record.id == unkeyed)
            #expect(try await queue.lease(owner: "w4", for: .seconds(60), kinds: nil) == nil)

            try await queue.complete(leasedFirst)
            #expect(try await queue.lease(owner: "w4", for: .seconds(60), kinds: nil)?.record.id == second)
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func anExpiredLeaseIsTakenAgainAndTheOldOwnerIsRefused(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let id = try await storedID(
                queue.enqueue(NewJob(kind: .review, payload: Data(), pullRequestKey: "pr#1", headSHA: "a")))
            let lost = try #require(try await queue.lease(owner: "worker-1", for: .seconds(30), kinds: nil))
            store.clock.advance(by: .seconds(20))
            #expect(try await queue.heartbeat(lost, extendBy: .seconds(30)))
            store.clock.advance(by: .seconds(29))
            #expect(try await queue.lease(owner: "worker-2", for: .seconds(30), kinds: nil) == nil)

            store.clock.advance(by: .seconds(2))
            #expect(try await queue.depth() == depth(pending: 1))
            let taken = try #require(try await queue.lease(owner: "worker-2", for: .seconds(30), kinds: nil))
            #expect(taken.record.id == id)
            #expect(taken.record.attempts == 2)
            #expect(taken.record.leaseOwner == "worker-2")

            #expect(try await queue.heartbeat(lost, extendBy: .seconds(30)) == false)
            let refusal = await #expect(throws: QueueError.self) { try await queue.complete(lost) }
            #expect(refusal?.code == .leaseLost)
            #expect(refusal?.operation == "complete")
            #expect(refusal?.description.contains("worker-2") == true)
            await #expect(throws: QueueError.self) { try await queue.fail(lost, error: "late", retryAfter: nil) }
            await #expect(throws: QueueError.self) { try await queue.release(lost) }

            #expect(try await queue.heartbeat(taken, extendBy: .seconds(30)))
            try await queue.complete(taken)
            #expect(try await queue.job(id: id)?.state == .done)
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func aFailedJobIsRetriedAfterBackoffThenDeadLettered(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let id = try await storedID(queue.enqueue(NewJob(kind: .upgrade, payload: Data())))

            let first = try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil))
            let failedAt = store.clock.now
            guard
                case .retrying(let retryAt) = try await queue.fail(first, error: "registry timed out", retryAfter: nil)
            else {
                Issue.record("the first failure of three attempts should be retried")
                return
            }
            // Base 10 s less up to 20 % jitter.
            #expect(retryAt.timeIntervalSince(failedAt) >= 8 && retryAt.timeIntervalSince(failedAt) <= 10)
            let pending = try #require(try await queue.job(id: id))
            #expect(pending.state == .pending)
            #expect(pending.lastError == "registry timed out")
            #expect(pending.leaseOwner == nil)
            #expect(pending.runAfter == retryAt)

            store.clock.set(retryAt.addingTimeInterval(-0.001))
            #expect(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil) == nil)
            store.clock.set(retryAt)
            let second = try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil))
            #expect(second.record.attempts == 2)

            #expect(
                try await queue.fail(second, error: "rate limited", retryAfter: .seconds(90))
                    == .retrying(at: store.clock.now.addingTimeInterval(90)))
            store.clock.advance(by: .seconds(89))
            #expect(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil) == nil)
            store.clock.advance(by: .seconds(1))
            let third = try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil))
            #expect(third.record.attempts == 3)

            #expect(try await queue.fail(third, error: "chart not found", retryAfter: nil) == .deadLettered)
            let dead = try #require(try await queue.job(id: id))
            #expect(dead.state == .dead)
            #expect(dead.lastError == "chart not found")
            #expect(dead.attempts == 3)
            store.clock.advance(by: .seconds(3600))
            #expect(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil) == nil)
            #expect(try await queue.depth() == depth(dead: 1))
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func aReleasedJobIsPendingAgainWithoutCountingTheAttempt(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let id = try await storedID(queue.enqueue(NewJob(kind: .scan, payload: Data(), pullRequestKey: "pr#1")))
            let leased = try #require(try await queue.lease(owner: "shutting-down", for: .seconds(60), kinds: nil))
            try await queue.release(leased)

            let released = try #require(try await queue.job(id: id))
            #expect(released.state == .pending)
            #expect(released.attempts == 0)
            #expect(released.leaseOwner == nil)
            #expect(released.runAfter == store.clock.now)

            let again = try #require(try await queue.lease(owner: "next", for: .seconds(60), kinds: nil))
            #expect(again.record.id == id)
            #expect(again.record.attempts == 1)
            await #expect(throws: QueueError.self) { try await queue.complete(leased) }
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func depthCountsEveryState(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            #expect(try await queue.depth() == depth())

            _ = try await storedID(queue.enqueue(NewJob(kind: .scan, payload: Data())))
            try await queue.complete(try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil)))

            _ = try await storedID(queue.enqueue(NewJob(kind: .upgrade, payload: Data())))
            for _ in 1...3 {
                let leased = try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: nil))
                _ = try await queue.fail(leased, error: "no", retryAfter: .zero)
            }

            _ = try await storedID(queue.enqueue(review("pr#1", head: "a")))
            _ = try await storedID(queue.enqueue(review("pr#1", head: "b")))
            _ = try await queue.lease(owner: "w", for: .seconds(3600), kinds: nil)
            _ = try await storedID(queue.enqueue(NewJob(kind: .command, payload: Data())))
            _ = try await queue.lease(owner: "w", for: .seconds(1), kinds: nil)
            _ = try await storedID(queue.enqueue(NewJob(kind: .command, payload: Data())))
            store.clock.advance(by: .seconds(2))

            #expect(try await queue.depth() == depth(pending: 2, running: 1, done: 1, dead: 1, superseded: 1))
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func concurrentWorkersLeaseEveryJobExactlyOnce(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let setup = try await store.open()
            var ids: Set<Int64> = []
            for number in 0..<200 {
                ids.insert(try await storedID(setup.enqueue(NewJob(kind: .scan, payload: Data("\(number)".utf8)))))
            }
            let leases = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<4 {
                    let queue = try await store.open()
                    group.addTask {
                        var leased: [Int64] = []
                        while let job = try await queue.lease(owner: "worker-\(worker)", for: .seconds(600), kinds: nil)
                        {
                            leased.append(job.record.id)
                            try await queue.complete(job)
                        }
                        return leased
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(leases.count == 200)
            #expect(Set(leases) == ids)
            #expect(try await setup.depth() == depth(done: 200))
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func concurrentWorkersNeverRunTwoJobsOfOnePullRequest(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let setup = try await store.open()
            for number in 0..<60 {
                _ = try await storedID(
                    setup.enqueue(NewJob(kind: .command, payload: Data(), pullRequestKey: "pr#\(number % 3)")))
            }
            let running = RunningPullRequests()
            let leased = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<4 {
                    let queue = try await store.open()
                    group.addTask {
                        var count = 0
                        var idle = 0
                        while idle < 20 {
                            guard
                                let job = try await queue.lease(
                                    owner: "worker-\(worker)", for: .seconds(600), kinds: nil)
                            else {
                                idle += 1
                                try await Task.sleep(for: .milliseconds(5))
                                continue
                            }
                            let key = try #require(job.record.pullRequestKey)
                            running.start(key)
                            try await Task.sleep(for: .milliseconds(1))
                            running.finish(key)
                            try await queue.complete(job)
                            count += 1
                            idle = 0
                        }
                        return count
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(leased == 60)
            #expect(running.overlaps == [])
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func aNewQueueOnTheSameStoreSeesTheJobs(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let first = try await store.open()
            let one = try await storedID(
                first.enqueue(
                    NewJob(
                        kind: .review, payload: Data("1".utf8), pullRequestKey: "pr#1",
                        headSHA: "a", deliveryID: "d-1")))
            let two = try await storedID(first.enqueue(NewJob(kind: .scan, payload: Data("2".utf8))))
            let leased = try #require(try await first.lease(owner: "w", for: .seconds(60), kinds: nil))
            let before = try #require(try await first.job(id: one))

            let second = try await store.open()
            #expect(try await second.job(id: one) == before)
            #expect(try await second.depth() == depth(pending: 1, running: 1))
            #expect(try await second.enqueue(NewJob(kind: .review, payload: Data(), deliveryID: "d-1")) == .duplicate)
            #expect(try await second.lease(owner: "w2", for: .seconds(60), kinds: nil)?.record.id == two)
            try await second.complete(leased)
        }
    }
}

private func storedID(_ outcome: EnqueueOutcome) throws -> Int64 {
    guard case .stored(let id) = outcome else {
        throw QueueTestFailure(description: "expected the job to be stored, but the queue said \(outcome)")
    }
    return id
}

private func review(_ key: String, head: String) -> NewJob {
    NewJob(kind: .review, payload: Data(head.utf8), pullRequestKey: key, headSHA: head)
}

private func depth(pending: Int = 0, running: Int = 0, done: Int = 0, dead: Int = 0, superseded: Int = 0) -> [JobState:
    Int]
{
    [.pending: pending, .running: running, .done: done, .dead: dead, .superseded: superseded]
}

struct QueueTestFailure: Error, CustomStringConvertible {
    var description: String
}
