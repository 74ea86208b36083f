import Foundation

/// Threads of the webhook server's own, as a task executor: a delivery is answered on them, never
/// behind the jobs of Swift's shared pool.
///
/// On Linux that pool is as wide as the machine has cores and does not grow, and Dispatch's global
/// queues (where GRDB, libgit2 offloading and `concurrentPerform` run) share its threads. A worker
/// checking a large repository, or anything else that holds those threads, would otherwise make a
/// forge wait for its acknowledgement; GitHub gives up after 10 seconds.
///
/// `@unchecked Sendable`: the job list is guarded by `condition`.
final class IntakeExecutor: TaskExecutor, @unchecked Sendable {
    /// One set of threads for the process, however many servers it runs (tests run dozens).
    static let shared = IntakeExecutor(threads: max(2, ProcessInfo.processInfo.activeProcessorCount), name: "shipshape-intake")

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(threads: Int, name: String) {
        for number in 1...max(1, threads) {
            let thread = Thread { [self] in work() }
            thread.name = "\(name) \(number)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
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
