import Bot
import Foundation
import Synchronization
import Testing

/// Workers on a real SQLite queue: jobs done, retried, dead-lettered, kept alive past their
/// lease by heartbeats, given back on shutdown.
@Suite struct WorkerTests {
    /// Runs each job by calling `body` with it.
    struct ClosureHandler: JobHandler {
        let body: @Sendable (JobRecord) async throws -> Void
        func handle(_ job: JobRecord) async throws { try await body(job) }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func queue(maximumAttempts: Int = 5) throws -> (SQLiteJobQueue, URL) {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-worker-\(UUID().uuidString)")
        var settings = QueueSettings()
        settings.maximumAttempts = maximumAttempts
        settings.backoffBase = .milliseconds(1)
        settings.backoffCap = .milliseconds(2)
        return (try SQLiteJobQueue(path: folder.appending(path: "queue.sqlite").path, settings: settings), folder)
    }

    static func job(_ key: String = "github:acme/shop#1") -> NewJob {
        NewJob(kind: .review, payload: Data("{}".utf8), pullRequestKey: key, headSHA: UUID().uuidString)
    }

    @Test func aJobRunsOnceAndIsDone() async throws {
        let (queue, folder) = try Self.queue()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .stored(let id) = try await queue.enqueue(Self.job()) else {
            Issue.record("not stored")
            return
        }
        let runs = Atomic<Int>(0)
        let worker = Worker(queue: queue, handler: ClosureHandler { _ in runs.add(1, ordering: .relaxed) }, owner: "w1")
        let leased = try #require(try await queue.lease(owner: "w1", for: .seconds(30), kinds: nil))
        #expect(await worker.runOne(leased) == .done)
        let runCount = runs.load(ordering: .relaxed)
        #expect(runCount == 1)
        #expect(try await queue.job(id: id)?.state == .done)
    }

    @Test func aFailingJobIsRetriedThenDeadLetteredWithItsLastError() async throws {
        let (queue, folder) = try Self.queue(maximumAttempts: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .stored(let id) = try await queue.enqueue(Self.job()) else {
            Issue.record("not stored")
            return
        }
        let worker = Worker(
            queue: queue,
            handler: ClosureHandler { job in throw Failure(description: "forge answered 502 (attempt \(job.attempts))")
            },
            owner: "w1")
        let first = try #require(try await queue.lease(owner: "w1", for: .seconds(30), kinds: nil))
        #expect(await worker.runOne(first) == .retrying)
        try await Task.sleep(for: .milliseconds(20))
        let second = try #require(try await queue.lease(owner: "w1", for: .seconds(30), kinds: nil))
        #expect(await worker.runOne(second) == .dead)
        let record = try #require(try await queue.job(id: id))
        #expect(record.state == .dead)
        #expect(record.lastError == "forge answered 502 (attempt 2)")
    }

    /// The queue's clock is moved by the test, so the lease runs out only when the test says so:
    /// without heartbeats the 60 s lease would be gone after the second 50 s step.
    @Test func heartbeatsKeepALongJobFromBeingTakenByAnotherWorker() async throws {
        let clock = TestClock()
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-worker-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try SQLiteJobQueue(
            path: folder.appending(path: "queue.sqlite").path, settings: QueueSettings(now: { clock.now }))
        guard case .stored(let id) = try await queue.enqueue(Self.job()) else {
            Issue.record("not stored")
            return
        }
        let settings = Worker.Settings(
            leaseDuration: .seconds(60), heartbeatInterval: .milliseconds(10), idlePoll: .milliseconds(50))
        let stolen = Atomic<Bool>(false)
        let worker = Worker(
            queue: queue,
            handler: ClosureHandler { _ in
                for _ in 0..<3 {
                    clock.advance(by: .seconds(50))
                    // Wait (however long the machine takes) for a heartbeat to carry the lease past the new time.
                    while let expires = try await queue.job(id: id)?.leaseExpires,
                        expires <= clock.now.addingTimeInterval(30)
                    {
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    if try await queue.lease(owner: "w2", for: .seconds(60), kinds: nil) != nil {
                        stolen.store(true, ordering: .relaxed)
                    }
                }
            }, owner: "w1", settings: settings)
        let leased = try #require(try await queue.lease(owner: "w1", for: .seconds(60), kinds: nil))
        let outcome = await worker.runOne(leased)
        #expect(outcome == .done)
        let wasStolen = stolen.load(ordering: .relaxed)
        #expect(!wasStolen)
    }

    @Test func aJobWhoseLeaseWasLostIsStoppedAndNotCompleted() async throws {
        let clock = TestClock()
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-worker-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try SQLiteJobQueue(
            path: folder.appending(path: "queue.sqlite").path, settings: QueueSettings(now: { clock.now }))
        guard case .stored(let id) = try await queue.enqueue(Self.job()) else {
            Issue.record("not stored")
            return
        }
        let settings = Worker.Settings(
            leaseDuration: .seconds(60), heartbeatInterval: .milliseconds(10), idlePoll: .milliseconds(50))
        let worker = Worker(
            queue: queue,
            handler: ClosureHandler { _ in
                // The lease runs out and another worker takes the job: this run must end without completing it.
                clock.advance(by: .seconds(61))
                _ = try await queue.lease(owner: "w2", for: .seconds(60), kinds: nil)
                try await Task.sleep(for: .seconds(600))
            }, owner: "w1", settings: settings)
        let leased = try #require(try await queue.lease(owner: "w1", for: .seconds(60), kinds: nil))
        #expect(await worker.runOne(leased) == .lost)
        let record = try #require(try await queue.job(id: id))
        #expect(record.state == .running && record.leaseOwner == "w2")
    }

    /// The job never finishes on its own (however slowly the machine runs the test, it cannot
    /// finish before shutdown is asked for); only being given back ends it.
    @Test(.timeLimit(.minutes(2)))
    func onShutdownARunningJobThatCannotFinishIsGivenBackUncounted() async throws {
        let (queue, folder) = try Self.queue()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .stored(let id) = try await queue.enqueue(Self.job()) else {
            Issue.record("not stored")
            return
        }
        let settings = Worker.Settings(
            leaseDuration: .seconds(30), heartbeatInterval: .seconds(10), idlePoll: .milliseconds(50),
            shutdownGrace: .milliseconds(200))
        let worker = Worker(
            queue: queue, handler: ClosureHandler { _ in try await Task.sleep(for: .seconds(24 * 3600)) }, owner: "w1",
            settings: settings)
        let running = Task { await worker.run() }
        while try await queue.job(id: id)?.state != .running { try await Task.sleep(for: .milliseconds(20)) }
        worker.stop()
        await running.value
        let record = try #require(try await queue.job(id: id))
        #expect(record.state == .pending)
        #expect(record.attempts == 0)
    }

    @Test func aWorkerStopsTakingJobsWhenAskedAndFinishesTheRunningOne() async throws {
        let (queue, folder) = try Self.queue()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .stored(let first) = try await queue.enqueue(Self.job("a")),
            case .stored(let second) = try await queue.enqueue(Self.job("b"))
        else {
            Issue.record("not stored")
            return
        }
        let started = AsyncStream<Void>.makeStream()
        let worker = Worker(
            queue: queue,
            handler: ClosureHandler { _ in
                started.continuation.yield()
                try await Task.sleep(for: .milliseconds(300))
            }, owner: "w1", settings: Worker.Settings(idlePoll: .milliseconds(50), shutdownGrace: .seconds(5)))
        let running = Task { await worker.run() }
        for await _ in started.stream { break }
        worker.stop()
        await running.value
        #expect(try await queue.job(id: first)?.state == .done)
        #expect(try await queue.job(id: second)?.state == .pending)
    }
}
