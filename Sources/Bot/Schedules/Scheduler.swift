import Foundation
import Logging

/// Enqueues each schedule's jobs when its time comes. Several replicas may run one each: the
/// leader lock lets one fire, and the firings' delivery ids make a double firing harmless anyway.
package struct Scheduler: Sendable {
    package let schedules: [Schedule]
    package let queue: any JobQueue
    private let now: @Sendable () -> Date
    let logger: Logger

    package init(
        schedules: [Schedule], queue: any JobQueue, now: @escaping @Sendable () -> Date = Date.init,
        logger: Logger = Logger(label: "shipshape.scheduler")
    ) {
        self.schedules = schedules
        self.queue = queue
        self.now = now
        self.logger = logger
    }

    /// Fires every schedule whose next time after `last` is not after `now`; returns the jobs stored.
    @discardableResult
    package func fireDue(since last: Date) async throws -> [Int64] {
        let current = now()
        var stored: [Int64] = []
        for schedule in schedules {
            var time = schedule.cron.next(after: last, in: schedule.timeZone)
            // A scheduler that was down fires a missed schedule once, not once per missed minute.
            var due: Date?
            while let next = time, next <= current {
                due = next
                time = schedule.cron.next(after: next, in: schedule.timeZone)
            }
            guard let due else { continue }
            for job in schedule.jobs(firedAt: due) {
                if case .stored(let id) = try await queue.enqueue(job) { stored.append(id) }
            }
        }
        return stored
    }

    /// Checks every `interval` until cancelled.
    package func run(interval: Duration = .seconds(30)) async {
        var last = now()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let checked = now()
            do {
                try await fireDue(since: last)
                last = checked
            } catch {
                // `last` stays: the next check fires what this one could not store.
                logger.error("cannot store the jobs of due schedules; trying again in \(interval): \(error)")
            }
        }
    }
}
