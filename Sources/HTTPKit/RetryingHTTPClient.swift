import Foundation
import Synchronization

/// Wraps any client with retries: exponential backoff with full jitter after server errors,
/// broken connections and timeouts, and the waits forges ask for when a rate limit is hit.
/// See `RetryDecision` for which methods are retried when.
///
/// `rateLimits` reads the server's rate-limit answers (HTTP's own signs unless the servers
/// speak a dialect of their own, as forges do). It also remembers, per host, how many requests
/// the server said were left, for metrics.
package final class RetryingHTTPClient: HTTPClient {
    package let policy: RetryPolicy
    private let base: any HTTPClient
    private let clock: any RetryClock
    private let rateLimits: any RateLimitDialect
    private let remainingByHost = Mutex<[String: Int]>([:])

    package init(
        wrapping base: any HTTPClient, policy: RetryPolicy = RetryPolicy(), clock: any RetryClock = SystemRetryClock(),
        rateLimits: any RateLimitDialect = StandardRateLimits()
    ) {
        self.base = base
        self.policy = policy
        self.clock = clock
        self.rateLimits = rateLimits
    }

    /// The last `x-ratelimit-remaining` (or `ratelimit-remaining`) seen from this host.
    package func rateLimitRemaining(host: String) -> Int? {
        remainingByHost.withLock { $0[host.lowercased()] }
    }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await send(request, streamed: { false }, attempt: { try await self.base.send(request) })
    }

    /// Retried only while nothing of the body has gone to `receiver`: it cannot take the body twice.
    package func send(_ request: HTTPRequest, bodyTo receiver: any HTTPBodyReceiver) async throws -> HTTPResponse {
        let counting = CountingReceiver(receiver)
        return try await send(
            request, streamed: { counting.received }, attempt: { try await self.base.send(request, bodyTo: counting) })
    }

    private func send(
        _ request: HTTPRequest, streamed: () -> Bool, attempt send: () async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var generator = SystemRandomNumberGenerator()
        var attempt = 0
        while true {
            attempt += 1
            let outcome: Result<HTTPResponse, HTTPError>
            do {
                let response = try await send()
                remember(response, for: request)
                outcome = .success(response)
            } catch let error as HTTPError {
                if streamed() { throw error }
                outcome = .failure(error)
            }
            let decision = RetryDecision.after(
                outcome, to: request, attempt: attempt, policy: policy, rateLimits: rateLimits, now: clock.now(),
                generator: &generator)
            switch decision {
            case .deliver:
                return try outcome.get()
            case .fail(let error):
                throw error
            case .retry(after: let delay):
                guard attempt < policy.maximumAttempts else {
                    throw exhausted(request, attempts: attempt, last: outcome)
                }
                try await clock.sleep(for: delay)
            }
        }
    }

    private func exhausted(_ request: HTTPRequest, attempts: Int, last: Result<HTTPResponse, HTTPError>) -> HTTPError {
        switch last {
        case .success(let response):
            .retriesExhausted(
                method: request.method, url: request.url, attempts: attempts, lastStatus: response.status,
                lastError: nil)
        case .failure(let error):
            .retriesExhausted(
                method: request.method, url: request.url, attempts: attempts, lastStatus: nil, lastError: error)
        }
    }

    private func remember(_ response: HTTPResponse, for request: HTTPRequest) {
        guard let remaining = RateLimitHeaders.remaining(in: response.headers),
            let host = request.url.host?.lowercased()
        else { return }
        remainingByHost.withLock { $0[host] = remaining }
    }
}

/// Passes a body on and notes whether any of it went through.
private final class CountingReceiver: HTTPBodyReceiver {
    private let wrapped: any HTTPBodyReceiver
    private let count = Atomic<Int>(0)

    init(_ wrapped: any HTTPBodyReceiver) { self.wrapped = wrapped }

    var received: Bool { count.load(ordering: .relaxed) > 0 }

    func receive(_ bytes: UnsafeRawBufferPointer) throws {
        count.add(bytes.count, ordering: .relaxed)
        try wrapped.receive(bytes)
    }
}
