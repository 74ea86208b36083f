import Blocking
import Foundation

/// Threads of the intake's own (webhook deliveries, schedule firings, the PostgreSQL client's
/// connections), as a task executor: what comes in is stored and answered on them, never behind
/// the jobs of Swift's shared pool.
///
/// On Linux that pool has as many threads as the machine has cores and adds none when they block.
/// Whatever holds them (a worker checking a large repository, or in CI every other test) would
/// otherwise make a forge wait for its acknowledgement; GitHub gives up after 10 seconds.
///
/// The threads are a `BlockingThreadPool` of their own (the one thread pool type), so intake
/// never waits behind blocking C work.
package final class IntakeExecutor: TaskExecutor {
    /// One set of threads for the process, however many servers it runs (tests run dozens).
    package static let shared = IntakeExecutor(
        threads: max(2, ProcessInfo.processInfo.activeProcessorCount), name: "shipshape-intake")

    private let threads: BlockingThreadPool

    init(threads: Int, name: String) {
        self.threads = BlockingThreadPool(maximumThreads: threads, name: name)
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        threads.run { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
    }
}
