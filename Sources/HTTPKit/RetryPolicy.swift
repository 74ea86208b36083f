/// When and how long `RetryingHTTPClient` waits before another attempt.
package struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    package var maximumAttempts: Int
    /// The backoff before the second attempt is up to this long, doubling with each attempt.
    package var baseDelay: Duration
    /// The backoff never exceeds this.
    package var maximumDelay: Duration
    /// A rate limit asking for a longer wait fails at once with `HTTPError.rateLimited` instead.
    package var maximumRateLimitWait: Duration
    /// Statuses worth another attempt: server errors, except those no retry can fix.
    package var retriedStatuses: Set<Int>
    /// The wait after a secondary rate limit (or a bare 429) that names none, doubling with each
    /// further refusal: GitHub asks for at least a minute.
    package var secondaryLimitWait: Duration

    package init(
        maximumAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(30),
        maximumRateLimitWait: Duration = .seconds(300),
        retriedStatuses: Set<Int> = Set(500...599).subtracting([501, 505]),
        secondaryLimitWait: Duration = .seconds(60)
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.maximumRateLimitWait = maximumRateLimitWait
        self.retriedStatuses = retriedStatuses
        self.secondaryLimitWait = secondaryLimitWait
    }

    /// The wait after `attempt` attempts refused by a secondary limit: the minimum, doubling.
    func secondaryLimitWait(afterAttempt attempt: Int) -> Duration {
        secondaryLimitWait * (1 << min(max(attempt - 1, 0), 30))
    }

    /// The longest backoff after `attempt` failed attempts: base × 2^(attempt−1), capped.
    package func backoffCeiling(afterAttempt attempt: Int) -> Duration {
        let doublings = min(max(attempt - 1, 0), 30)
        let ceiling = baseDelay * (1 << doublings)
        return min(ceiling, maximumDelay)
    }

    /// "Full jitter": a uniformly random wait between zero and the ceiling, so that many clients
    /// failing together do not come back together.
    func backoff(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        backoffCeiling(afterAttempt: attempt) * Double.random(in: 0...1, using: &generator)
    }
}
