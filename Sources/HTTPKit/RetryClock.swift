import Foundation

/// The wall clock the retrying client reads (rate-limit resets come as epoch seconds) and
/// sleeps on. Tests inject one that records the sleeps and advances instantly.
package protocol RetryClock: Sendable {
    func now() -> Date
    func sleep(for duration: Duration) async throws
}

/// The real clock: `Date()` and `Task.sleep`.
package struct SystemRetryClock: RetryClock {
    package init() {}

    package func now() -> Date { Date() }

    package func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
