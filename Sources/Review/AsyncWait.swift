import Dispatch
import Synchronization

/// Waits for async work from synchronous code. Only for threads that are not the concurrency
/// pool's: a review runs on a thread of its own (`MirrorCache.runBlocking`, or the CLI's), so
/// blocking it cannot starve the tasks it waits for (on Linux the pool is only as wide as the
/// machine has cores).
enum AsyncWait {
    static func result<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
        let semaphore = DispatchSemaphore(value: 0)
        let box = Mutex<Value?>(nil)
        Task.detached {
            let value = await work()
            box.withLock { $0 = value }
            semaphore.signal()
        }
        semaphore.wait()
        return box.withLock { $0! }
    }
}
