import Foundation

/// The wall clock the retrying client reads (rate-limit resets come as epoch seconds) and
/// sleeps on. Tests inject one that records the sleeps and advances instantly.
public protocol RetryClock: Sendable {
    func now() -> Date
    func sleep(for duration: Duration) async throws
}

/// The real clock: `Date()` and `Task.sleep`.
public struct SystemRetryClock: RetryClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
