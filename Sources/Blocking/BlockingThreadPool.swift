import Foundation

/// Threads of our own for blocking C calls (libcurl's transfers, libgit2's fetches and reads), so
/// they never occupy the Swift cooperative pool, which adds no thread when one blocks. Threads
/// start on demand up to `maximumThreads` and then wait for work; jobs beyond that queue in order.
///
/// The one pool type for blocking work. Each library has its own instance and bound (HTTPKit's
/// transfers, GitKit's repositories), because work in one waits on the other: a review on a git
/// thread waits for chart downloads on curl threads, and one shared bound could be filled by
/// the waiting side.
///
/// `@unchecked Sendable`: all state is guarded by `condition`.
package final class BlockingThreadPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var threads = 0
    private var waiting = 0
    private var stopping = false
    private let maximumThreads: Int
    private let name: String

    package init(maximumThreads: Int, name: String) {
        self.maximumThreads = max(1, maximumThreads)
        self.name = name
    }

    package func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        defer { condition.unlock() }
        jobs.append(job)
        if jobs.count > waiting, threads < maximumThreads {
            threads += 1
            let thread = Thread { [self] in work() }
            thread.name = "\(name) \(threads)"
            thread.start()
        }
        condition.signal()
    }

    /// Runs `work` on one of the pool's threads and waits for its result without holding a
    /// thread of the caller's.
    package func value<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            run { continuation.resume(with: Swift.Result { try work() }) }
        }
    }

    /// Lets the threads finish the queued jobs and exit.
    package func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        condition.lock()
        while true {
            while jobs.isEmpty, !stopping {
                waiting += 1
                condition.wait()
                waiting -= 1
            }
            if jobs.isEmpty {
                threads -= 1
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
            condition.lock()
        }
    }
}
