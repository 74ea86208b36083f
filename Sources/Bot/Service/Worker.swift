import Foundation
import Synchronization

/// What a worker does with a job it holds.
public protocol JobHandler: Sendable {
    func handle(_ job: JobRecord) async throws
}

/// Takes jobs from the queue one at a time and runs them: the lease is kept alive by heartbeats
/// while the job runs; a job that fails goes back with the error (the queue decides between a
/// retry and the dead-letter state); on shutdown no new job is taken and a job that cannot finish
/// in time is given back untouched.
public final class Worker: Sendable {
    public struct Settings: Sendable {
        public var leaseDuration: Duration
        public var heartbeatInterval: Duration
        /// How long to wait when the queue is empty.
        public var idlePoll: Duration
        /// How long a running job may take to finish after shutdown was asked for.
        public var shutdownGrace: Duration

        public init(leaseDuration: Duration = .seconds(120), heartbeatInterval: Duration = .seconds(30), idlePoll: Duration = .seconds(1),
                    shutdownGrace: Duration = .seconds(25)) {
            self.leaseDuration = leaseDuration
            self.heartbeatInterval = heartbeatInterval
            self.idlePoll = idlePoll
            self.shutdownGrace = shutdownGrace
        }
    }

    public enum Outcome: String, Sendable { case done, retrying, dead, released, lost }

    public let queue: any JobQueue
    public let handler: any JobHandler
    public let owner: String
    public let settings: Settings
    private let onFinish: @Sendable (JobRecord, Outcome, Duration) -> Void
    private let stopping = Atomic<Bool>(false)

    public init(queue: any JobQueue, handler: any JobHandler, owner: String, settings: Settings = Settings(),
                onFinish: @escaping @Sendable (JobRecord, Outcome, Duration) -> Void = { _, _, _ in }) {
        self.queue = queue
        self.handler = handler
        self.owner = owner
        self.settings = settings
        self.onFinish = onFinish
    }

    /// Stop taking jobs; the running one gets `shutdownGrace` to finish.
    public func stop() { stopping.store(true, ordering: .relaxed) }

    public var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Runs until `stop()` (or cancellation) and the running job is finished or given back.
    public func run() async {
        while !isStopping && !Task.isCancelled {
            let leased: LeasedJob?
            do {
                leased = try await queue.lease(owner: owner, for: settings.leaseDuration, kinds: nil)
            } catch {
                try? await Task.sleep(for: settings.idlePoll)
                continue
            }
            guard let leased else {
                try? await Task.sleep(for: settings.idlePoll)
                continue
            }
            // Shutdown was asked for while the lease was on its way: give the job straight back.
            if isStopping {
                try? await queue.release(leased)
                break
            }
            await runOne(leased)
        }
    }

    /// Runs one leased job to its end, with heartbeats; returns how it ended.
    @discardableResult
    public func runOne(_ leased: LeasedJob) async -> Outcome {
        let started = ContinuousClock.now
        let outcome = await withTaskGroup(of: Outcome?.self) { group -> Outcome in
            group.addTask { await self.perform(leased) }
            group.addTask { await self.keepAlive(leased) }
            group.addTask { await self.watchShutdown() }
            var result: Outcome = .lost
            while let next = await group.next() {
                guard let next else { continue }
                result = next
                break
            }
            group.cancelAll()
            return result
        }
        if outcome == .released { try? await queue.release(leased) }
        onFinish(leased.record, outcome, ContinuousClock.now - started)
        return outcome
    }

    private func perform(_ leased: LeasedJob) async -> Outcome? {
        do {
            try await handler.handle(leased.record)
            CrashPoint.jobFinished.reached()
        } catch is CancellationError where Task.isCancelled {
            return nil
        } catch {
            switch try? await queue.fail(leased, error: "\(error)", retryAfter: nil) {
            case .deadLettered: return .dead
            case .retrying: return .retrying
            case nil: return .lost
            }
        }
        // The work is done, even if shutdown or a lost lease came meanwhile: record it, never
        // give it back to run again (a database blip gets a few more tries).
        for attempt in 1...3 {
            do {
                try await queue.complete(leased)
                return .done
            } catch {
                if attempt < 3 { try? await Task.sleep(for: .milliseconds(200 * attempt)) }
            }
        }
        return .lost
    }

    /// Extends the lease while the job runs; ends the job when the lease is lost (another worker
    /// has it now, and two runs must not race on one pull request).
    private func keepAlive(_ leased: LeasedJob) async -> Outcome? {
        // The lease as this worker last confirmed it: a queue that cannot be reached for longer
        // than the lease means another worker may have the job by now.
        var validUntil = ContinuousClock.now + settings.leaseDuration
        while !Task.isCancelled {
            try? await Task.sleep(for: settings.heartbeatInterval)
            guard !Task.isCancelled else { return nil }
            switch try? await queue.heartbeat(leased, extendBy: settings.leaseDuration) {
            case true?: validUntil = ContinuousClock.now + settings.leaseDuration
            case false?: return .lost
            case nil: if ContinuousClock.now + settings.heartbeatInterval >= validUntil { return .lost }
            }
        }
        return nil
    }

    /// After shutdown was asked for, the job has `shutdownGrace` to finish; then it is given back.
    private func watchShutdown() async -> Outcome? {
        while !Task.isCancelled && !isStopping { try? await Task.sleep(for: .milliseconds(100)) }
        guard !Task.isCancelled else { return nil }
        try? await Task.sleep(for: settings.shutdownGrace)
        return Task.isCancelled ? nil : .released
    }
}
