import Foundation
import Logging
import Synchronization

/// What a worker does with a job it holds.
package protocol JobHandler: Sendable {
    func handle(_ job: JobRecord) async throws
}

/// Takes jobs from the queue one at a time and runs them: the lease is kept alive by heartbeats
/// while the job runs; a job that fails goes back with the error (the queue decides between a
/// retry and the dead-letter state); on shutdown no new job is taken and a job that cannot finish
/// in time is given back untouched.
package final class Worker: Sendable {
    package struct Settings: Sendable {
        package var leaseDuration: Duration
        package var heartbeatInterval: Duration
        /// How long to wait when the queue is empty.
        package var idlePoll: Duration
        /// How long a running job may take to finish after shutdown was asked for.
        package var shutdownGrace: Duration

        package init(
            leaseDuration: Duration = .seconds(120), heartbeatInterval: Duration = .seconds(30),
            idlePoll: Duration = .seconds(1),
            shutdownGrace: Duration = .seconds(25)
        ) {
            self.leaseDuration = leaseDuration
            self.heartbeatInterval = heartbeatInterval
            self.idlePoll = idlePoll
            self.shutdownGrace = shutdownGrace
        }
    }

    package enum Outcome: String, Sendable { case done, retrying, dead, released, lost }

    package let queue: any JobQueue
    package let handler: any JobHandler
    package let owner: String
    package let settings: Settings
    private let onFinish: @Sendable (JobRecord, Outcome, Duration) -> Void
    private let stopping = Atomic<Bool>(false)
    /// Every failure, the job's own and the queue's, with the job's metadata (`JobRecord.logMetadata`).
    let logger: Logger

    package init(
        queue: any JobQueue, handler: any JobHandler, owner: String, settings: Settings = Settings(),
        logger: Logger = Logger(label: "shipshape.worker"),
        onFinish: @escaping @Sendable (JobRecord, Outcome, Duration) -> Void = { _, _, _ in }
    ) {
        self.queue = queue
        self.handler = handler
        self.owner = owner
        self.settings = settings
        var logger = logger
        logger[metadataKey: "worker"] = "\(owner)"
        self.logger = logger
        self.onFinish = onFinish
    }

    /// Stop taking jobs; the running one gets `shutdownGrace` to finish.
    package func stop() { stopping.store(true, ordering: .relaxed) }

    package var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Runs until `stop()` (or cancellation) and the running job is finished or given back.
    package func run() async {
        while !isStopping && !Task.isCancelled {
            let leased: LeasedJob?
            do {
                leased = try await queue.lease(owner: owner, for: settings.leaseDuration, kinds: nil)
            } catch {
                logger.error("cannot take a job from the queue: \(error)")
                try? await Task.sleep(for: settings.idlePoll)
                continue
            }
            guard let leased else {
                try? await Task.sleep(for: settings.idlePoll)
                continue
            }
            // Shutdown was asked for while the lease was on its way: give the job straight back.
            if isStopping {
                await release(leased)
                break
            }
            await runOne(leased)
        }
    }

    /// Runs one leased job to its end, with heartbeats; returns how it ended.
    @discardableResult
    package func runOne(_ leased: LeasedJob) async -> Outcome {
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
        if outcome == .released { await release(leased) }
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
            let metadata = leased.record.logMetadata.merging(["attempt": "\(leased.record.attempts)"]) { _, new in new }
            do {
                switch try await queue.fail(leased, error: "\(error)", retryAfter: nil) {
                case .deadLettered:
                    logger.error("job failed for good: \(error)", metadata: metadata)
                    return .dead
                case .retrying(let at):
                    logger.warning("job failed, runs again at \(at): \(error)", metadata: metadata)
                    return .retrying
                }
            } catch let queueError {
                logger.error("job failed: \(error); the queue could not record it: \(queueError)", metadata: metadata)
                return .lost
            }
        }
        // The work is done, even if shutdown or a lost lease came meanwhile: record it, never
        // give it back to run again (a database blip gets a few more tries).
        for attempt in 1...3 {
            do {
                try await queue.complete(leased)
                return .done
            } catch {
                logger.error(
                    "job done, but the queue could not record it (attempt \(attempt) of 3): \(error)",
                    metadata: leased.record.logMetadata)
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
            do {
                guard try await queue.heartbeat(leased, extendBy: settings.leaseDuration) else {
                    logger.warning(
                        "the job's lease is lost: another worker may have it now", metadata: leased.record.logMetadata)
                    return .lost
                }
                validUntil = ContinuousClock.now + settings.leaseDuration
            } catch {
                logger.warning("cannot extend the job's lease: \(error)", metadata: leased.record.logMetadata)
                if ContinuousClock.now + settings.heartbeatInterval >= validUntil { return .lost }
            }
        }
        return nil
    }

    /// Gives a job back untouched; when the queue cannot take it, its lease runs out instead.
    private func release(_ leased: LeasedJob) async {
        do {
            try await queue.release(leased)
        } catch {
            logger.warning(
                "cannot give the job back; it runs again when its lease expires: \(error)",
                metadata: leased.record.logMetadata)
        }
    }

    /// After shutdown was asked for, the job has `shutdownGrace` to finish; then it is given back.
    private func watchShutdown() async -> Outcome? {
        while !Task.isCancelled && !isStopping { try? await Task.sleep(for: .milliseconds(100)) }
        guard !Task.isCancelled else { return nil }
        try? await Task.sleep(for: settings.shutdownGrace)
        return Task.isCancelled ? nil : .released
    }
}
