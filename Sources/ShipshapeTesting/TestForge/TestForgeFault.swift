extension TestForgeState {
    /// A misbehaviour the next matching requests meet instead of (or on top of) the normal answer.
    package enum Fault: Sendable {
        /// Answers with this status and the forge's error body; state is untouched.
        case status(Int)
        /// 429, with `retry-after` when it is given.
        case tooManyRequests(retryAfter: Int?)
        /// GitHub's secondary rate limit: 403 and its message, with `retry-after` when it is given
        /// (GitHub's "Rate limits for the REST API": the header may be absent, and then the
        /// client is to wait at least a minute, longer on each further refusal).
        case secondaryRateLimit(retryAfter: Int?)
        /// GitHub's primary rate limit: 403 with `x-ratelimit-remaining: 0` and the reset time (epoch seconds).
        case primaryRateLimit(resetAt: Int)
        /// Handles the request normally, then waits before answering.
        case slow(Duration)
        /// Closes the connection before the request has any effect.
        case dropConnection
        /// Applies the request, then closes the connection without answering (a retry will repeat it).
        case dropConnectionAfterProcessing
    }
}

/// Faults waiting for requests, consumed first-in first-out by the requests they match.
struct FaultQueue {
    private var entries: [(fault: TestForgeState.Fault, remaining: Int, prefix: String?)] = []

    mutating func add(_ fault: TestForgeState.Fault, times: Int, prefix: String?) {
        guard times > 0 else { return }
        entries.append((fault, times, prefix))
    }

    /// The fault for this request, if one waits for it; `targets` are "METHOD /path" with and
    /// without the API prefix, so either spelling matches.
    mutating func take(for targets: [String]) -> TestForgeState.Fault? {
        let index = entries.firstIndex { entry in
            guard let prefix = entry.prefix else { return true }
            return targets.contains { $0.hasPrefix(prefix) }
        }
        guard let index else { return nil }
        let fault = entries[index].fault
        entries[index].remaining -= 1
        if entries[index].remaining == 0 { entries.remove(at: index) }
        return fault
    }
}
