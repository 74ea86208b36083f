import Foundation
import Testing

@testable import Bot

/// Group commit on its own, with a write that records its batches: who is stored together, and
/// that every caller learns the outcome of its own job.
@Suite(.timeLimit(.minutes(1))) struct GroupCommitTests {
    /// Stores batches in memory, numbering jobs in the order they are written; the first write
    /// can be held until the test lets it go.
    actor RecordingStore {
        private(set) var batches: [[String]] = []
        private var next: Int64 = 1
        private var gate: CheckedContinuation<Void, Never>?
        private var holdFirst: Bool
        var failNext = false

        init(holdFirst: Bool) { self.holdFirst = holdFirst }

        func write(_ jobs: [NewJob]) async throws -> [EnqueueOutcome] {
            if holdFirst {
                holdFirst = false
                await withCheckedContinuation { gate = $0 }
            }
            if failNext {
                failNext = false
                throw CancellationError()
            }
            batches.append(jobs.map(Self.name))
            return jobs.map { _ in
                defer { next += 1 }
                return .stored(id: next)
            }
        }

        var isHolding: Bool { gate != nil }

        func release() {
            gate?.resume()
            gate = nil
        }

        func failTheNextWrite() { failNext = true }

        static func name(_ job: NewJob) -> String { String(decoding: job.payload, as: UTF8.self) }
    }

    static func job(_ name: String) -> NewJob { NewJob(kind: .scan, payload: Data(name.utf8)) }

    /// Waits (however long the machine takes, up to the suite's limit) for `condition`.
    static func until(_ condition: @Sendable () async -> Bool) async throws {
        while !(await condition()) { try await Task.sleep(for: .milliseconds(5)) }
    }

    @Test func callersArrivingDuringAWriteAreStoredTogetherEachWithItsOwnOutcome() async throws {
        let commit = GroupCommit()
        let store = RecordingStore(holdFirst: true)
        let write: GroupCommit.Write = { try await store.write($0) }
        let first = Task { try await commit.enqueue(Self.job("first"), write: write) }
        try await Self.until { await store.isHolding }
        let names = (1...5).map { "later-\($0)" }
        let later = names.map { name in Task { (name, try await commit.enqueue(Self.job(name), write: write)) } }
        try await Self.until { await commit.waitingCount == 5 }
        await store.release()

        #expect(try await first.value == .stored(id: 1))
        var outcomes: [String: EnqueueOutcome] = [:]
        for task in later {
            let (name, outcome) = try await task.value
            outcomes[name] = outcome
        }
        let batches = await store.batches
        #expect(batches.count == 2)
        #expect(batches.first == ["first"])
        #expect(Set(batches.last ?? []) == Set(names))
        // The n-th job of the second batch got id n + 1.
        for (position, name) in (batches.last ?? []).enumerated() {
            #expect(outcomes[name] == .stored(id: Int64(position + 2)), "\(name)")
        }
    }

    @Test func aFailedWriteFailsItsOwnBatchOnlyAndWritingGoesOn() async throws {
        let commit = GroupCommit()
        let store = RecordingStore(holdFirst: true)
        let write: GroupCommit.Write = { try await store.write($0) }
        await store.failTheNextWrite()
        let failing = Task { try await commit.enqueue(Self.job("failing"), write: write) }
        try await Self.until { await store.isHolding }
        let alongside = Task { try await commit.enqueue(Self.job("alongside"), write: write) }
        try await Self.until { await commit.waitingCount == 1 }
        await store.release()
        await #expect(throws: CancellationError.self) { try await failing.value }
        #expect(try await alongside.value == .stored(id: 1), "a batch of its own, written after the failure")
        #expect(try await commit.enqueue(Self.job("after"), write: write) == .stored(id: 2))
        #expect(await store.batches == [["alongside"], ["after"]])
    }
}
