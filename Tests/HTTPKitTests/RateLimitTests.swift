import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

/// HTTP's own rate-limit signs (`StandardRateLimits`); the forges' dialect is tested in
/// ForgeTests (`ForgeRateLimitsTests`) and end to end in BotTests (`SecondaryRateLimitTests`).
@Suite struct RateLimitTests {
    @Test func honoursRetryAfterOn429EvenForPost() async throws {
        let attempts = CallCounter()
        let server = try LoopbackHTTPServer { _ in
            attempts.next() == 1
                ? .respond(.text(429, "slow down", headers: [("Retry-After", "7")])) : .respond(.text(201, "created"))
        }
        defer { server.shutdown() }
        let clock = RecordingClock()

        let response = try await retryingClient(clock: clock).send(
            HTTPRequest(method: .post, url: server.baseURL, body: Data("{}".utf8)))

        #expect(response.status == 201)
        #expect(attempts.count == 2)
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test func failsAtOnceWhenTheResetIsBeyondTheMaximumWait() async throws {
        let clock = RecordingClock()
        let reset = Int(clock.now().timeIntervalSince1970) + 3000
        let server = try LoopbackHTTPServer { _ in
            .respond(.text(429, "limit", headers: [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "\(reset)")]))
        }
        defer { server.shutdown() }
        let client = retryingClient(clock: clock, maximumRateLimitWait: .seconds(600))

        let error = await #expect(throws: HTTPError.self) { try await client.send(HTTPRequest(url: server.baseURL)) }

        guard case .rateLimited(_, _, let requiredWait, let maximumWait) = error else {
            Issue.record("expected rate limited, got \(String(describing: error))")
            return
        }
        #expect(requiredWait == .seconds(3000))
        #expect(maximumWait == .seconds(600))
        #expect(clock.sleeps.isEmpty)
        #expect(client.rateLimitRemaining(host: "127.0.0.1") == 0)
    }

    @Test func waitsForTheGitLabResetTime() async throws {
        let clock = RecordingClock()
        let reset = Int(clock.now().timeIntervalSince1970) + 15
        let attempts = CallCounter()
        let server = try LoopbackHTTPServer { _ in
            attempts.next() == 1
                ? .respond(
                    .text(429, "Retry later", headers: [("RateLimit-Remaining", "0"), ("RateLimit-Reset", "\(reset)")]))
                : .respond(.text(200, "ok", headers: [("RateLimit-Remaining", "599")]))
        }
        defer { server.shutdown() }
        let client = retryingClient(clock: clock)

        let response = try await client.send(HTTPRequest(url: server.baseURL))

        #expect(response.status == 200)
        #expect(clock.sleeps == [.seconds(15)])
        #expect(client.rateLimitRemaining(host: "127.0.0.1") == 599)
    }

    /// A 403 is a permission answer in HTTP's own terms, whatever headers come with it.
    @Test func deliversAPlainForbiddenWithoutRetrying() async throws {
        let attempts = CallCounter()
        let server = try LoopbackHTTPServer { _ in
            _ = attempts.next()
            return .respond(
                .json(
                    403, ["message": "Resource not accessible by integration"],
                    headers: [("x-ratelimit-remaining", "4000"), ("x-ratelimit-reset", "1700003600")]))
        }
        defer { server.shutdown() }
        let clock = RecordingClock()

        let response = try await retryingClient(clock: clock).send(HTTPRequest(url: server.baseURL))

        #expect(response.status == 403)
        #expect(attempts.count == 1)
        #expect(clock.sleeps.isEmpty)
    }
}
