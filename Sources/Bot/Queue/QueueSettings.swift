import Foundation

/// How a queue retries failed jobs and what time it is; the same for every backend.
package struct QueueSettings: Sendable {
    /// Attempts a job gets before it is dead-lettered (a released attempt does not count).
    package var maximumAttempts: Int
    /// The delay before the second attempt; each further attempt doubles it.
    package var backoffBase: Duration
    /// The longest delay between attempts, however many there were.
    package var backoffCap: Duration
    /// The share of each delay that is random (0 none, 1 all), so that jobs failing together
    /// (a forge outage) do not all come back in the same instant.
    package var backoffJitter: Double
    /// The clock every lease, expiry and retry is measured against; tests inject their own.
    package var now: @Sendable () -> Date

    package init(
        maximumAttempts: Int = 5,
        backoffBase: Duration = .seconds(10),
        backoffCap: Duration = .seconds(600),
        backoffJitter: Double = 0.2,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.maximumAttempts = maximumAttempts
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
        self.backoffJitter = min(max(backoffJitter, 0), 1)
        self.now = now
    }

    /// The delay before the next attempt of a job that has failed `attempts` times:
    /// base × 2^(attempts − 1), capped, then shortened by up to `backoffJitter` of itself.
    package func retryDelay(afterAttempts attempts: Int) -> Duration {
        let base = backoffBase.queueMilliseconds
        let cap = backoffCap.queueMilliseconds
        let doublings = min(max(attempts - 1, 0), 40)
        let exponential = base > 0 && base > cap >> doublings ? cap : min(base << doublings, cap)
        let jitter = Double(exponential) * backoffJitter * Double.random(in: 0...1)
        return .milliseconds(exponential - Int64(jitter.rounded(.down)))
    }
}
