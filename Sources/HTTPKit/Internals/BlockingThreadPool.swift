import Foundation

/// A few threads of our own for blocking C calls (`curl_easy_perform`), so they never occupy the
/// Swift cooperative pool. Threads start on demand up to `maximumThreads` and then wait for work;
/// jobs beyond that queue in order.
///
/// `@unchecked Sendable`: all state is guarded by `condition`.
final class BlockingThreadPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var threads = 0
    private var waiting = 0
    private var stopping = false
    private let maximumThreads: Int
    private let name: String

    init(maximumThreads: Int, name: String) {
        self.maximumThreads = max(1, maximumThreads)
        self.name = name
    }

    func run(_ job: @escaping @Sendable () -> Void) {
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

    /// Lets the threads finish the queued jobs and exit.
    func stop() {
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
