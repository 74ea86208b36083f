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
        guard case .stored(let id) = try await queue.enqueue(Self.job()) else { Issue.record("not stored"); return }
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
        guard case .stored(let id) = try await queue.enqueue(Self.job()) else { Issue.record("not stored"); return }
        let worker = Worker(queue: queue, handler: ClosureHandler { job in throw Failure(description: "forge answered 502 (attempt \(job.attempts))") },
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

    @Test func heartbeatsKeepALongJobFromBeingTakenByAnotherWorker() async throws {
        let (queue, folder) = try Self.queue()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await queue.enqueue(Self.job())
        let settings = Worker.Settings(leaseDuration: .milliseconds(600), heartbeatInterval: .milliseconds(100), idlePoll: .milliseconds(50))
        let stolen = Atomic<Bool>(false)
        let worker = Worker(queue: queue, handler: ClosureHandler { _ in
            // While the job runs three lease-lengths, nobody else may lease it.
            for _ in 0..<6 {
                try await Task.sleep(for: .milliseconds(300))
                if (try? await queue.lease(owner: "w2", for: .seconds(30), kinds: nil)) != nil { stolen.store(true, ordering: .relaxed) }
            }
        }, owner: "w1", settings: settings)
        let leased = try #require(try await queue.lease(owner: "w1", for: .milliseconds(600), kinds: nil))
        #expect(await worker.runOne(leased) == .done)
        let wasStolen = stolen.load(ordering: .relaxed)
        #expect(!wasStolen)
    }

    @Test func onShutdownARunningJobThatCannotFinishIsGivenBackUncounted() async throws {
        let (queue, folder) = try Self.queue()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .stored(let id) = try await queue.enqueue(Self.job()) else { Issue.record("not stored"); return }
        let settings = Worker.Settings(leaseDuration: .seconds(30), heartbeatInterval: .seconds(10), idlePoll: .milliseconds(50),
                                       shutdownGrace: .milliseconds(200))
        let worker = Worker(queue: queue, handler: ClosureHandler { _ in try await Task.sleep(for: .seconds(30)) }, owner: "w1", settings: settings)
        let running = Task { await worker.run() }
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await queue.job(id: id)?.state == .running)
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
              case .stored(let second) = try await queue.enqueue(Self.job("b")) else { Issue.record("not stored"); return }
        let started = AsyncStream<Void>.makeStream()
        let worker = Worker(queue: queue, handler: ClosureHandler { _ in
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
