import Foundation
import Synchronization

/// Holds every thread of Swift's shared pool while some work runs on a thread of its own: what
/// that work waits for must then get by without the pool.
package enum PoolBlockade {
    /// Runs `body` while the pool is held and returns what it returned, and whether the pool was
    /// held throughout (a task started when the blockade was complete had not run by the end). A
    /// false `held` means the pool is wider than the processor count here, and the run proves nothing.
    ///
    /// The pool is released whatever `body` comes to, so a failing test cannot hang the run; a
    /// thread held long by another test only delays the start.
    package static func whileHeld<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> (
        result: Result, held: Bool
    ) {
        let blockers = Blockers(count: ProcessInfo.processInfo.activeProcessorCount)
        return await withCheckedContinuation { continuation in
            Thread {
                // One blockade at a time: two holding a thread each would wait for each other forever.
                turn.lock()
                defer { turn.unlock() }
                blockers.start()
                blockers.waitUntilHolding()
                let probe = Flag()
                Task.detached { probe.set() }
                let result = body()
                let held = !probe.isSet
                blockers.release()
                continuation.resume(returning: (result, held))
            }.start()
        }
    }

    private static let turn = NSLock()

    private final class Blockers: Sendable {
        let count: Int
        private let holding = DispatchSemaphore(value: 0)
        private let released = DispatchSemaphore(value: 0)

        init(count: Int) { self.count = count }

        func start() {
            for _ in 0..<count { Task.detached { self.hold() } }
        }

        private func hold() {
            holding.signal()
            released.wait()
        }

        func waitUntilHolding() {
            for _ in 0..<count { holding.wait() }
        }

        func release() {
            for _ in 0..<count { released.signal() }
        }
    }

    private final class Flag: Sendable {
        private let value = Atomic<Bool>(false)
        func set() { value.store(true, ordering: .sequentiallyConsistent) }
        var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
    }
}
