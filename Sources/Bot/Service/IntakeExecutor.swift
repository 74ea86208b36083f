import Foundation

/// Threads of the intake's own (webhook deliveries, schedule firings, the PostgreSQL client's
/// connections), as a task executor: what comes in is stored and answered on them, never behind
/// the jobs of Swift's shared pool.
///
/// On Linux that pool has as many threads as the machine has cores and adds none when they block.
/// Whatever holds them (a worker checking a large repository, or in CI every other test) would
/// otherwise make a forge wait for its acknowledgement; GitHub gives up after 10 seconds.
///
/// `@unchecked Sendable`: the job list is guarded by `condition`.
package final class IntakeExecutor: TaskExecutor, @unchecked Sendable {
    /// One set of threads for the process, however many servers it runs (tests run dozens).
    package static let shared = IntakeExecutor(
        threads: max(2, ProcessInfo.processInfo.activeProcessorCount), name: "shipshape-intake")

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(threads: Int, name: String) {
        for number in 1...max(1, threads) {
            let thread = Thread { [self] in work() }
            thread.name = "\(name) \(number)"
            thread.start()
        }
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
