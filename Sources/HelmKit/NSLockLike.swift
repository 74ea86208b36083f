import Foundation

/// A lock around a closure (Foundation's NSLock, whose `withLock` is not on every platform).
final class NSLockLike: @unchecked Sendable {
    private let lock = NSLock()

    func withLock<Value>(_ body: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
