import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@Suite struct RetryingHTTPClientTests {
    @Test func retriesAServerErrorThenDelivers() async throws {
        let attempts = CallCounter()
        let server = try LoopbackHTTPServer { _ in
            attempts.next() == 1 ? .respond(.text(500, "boom")) : .respond(.text(200, "fine"))
        }
        defer { server.shutdown() }
        let clock = RecordingClock()

        let response = try await retryingClient(clock: clock).send(HTTPRequest(url: server.baseURL))

        #expect(response.status == 200)
        #expect(response.text == "fine")
        #expect(attempts.count == 2)
        #expect(clock.sleeps.count == 1)
        #expect(clock.sleeps.allSatisfy { $0 <= .milliseconds(2) })
    }

    @Test func givesUpAfterTheLastAttemptNamingCountAndStatus() async throws {
        let attempts = CallCounter()
        let server = try LoopbackHTTPServer { _ in
            _ = attempts.next()
            return .respond(.text(503, "down"))
        }
        defer { server.shutdown() }
        let clock = RecordingClock()
        let url = server.baseURL.appending(path: "repos/acme/app/pulls")

        let error = await #expect(throws: HTTPError.self) {
            try await retryingClient(attempts: 4, clock: clock).send(HTTPRequest(url: url))
        }

        #expect(attempts.count == 4)
        #expect(clock.sleeps.count == 3)
        guard case .retriesExhausted(_, _, let count, let lastStatus, _) = error else {
            Issue.record("expected retries exhausted, got \(String(describing: error))")
            return
        }
        #expect(count == 4)
        #expect(lastStatus == 503)
        #expect(error?.description == "GET \(url.absoluteString) failed after 4 attempts; last status 503")
    }

    @Test func backoffCeilingDoublesUpToTheMaximum() {
        let policy = RetryPolicy(baseDelay: .milliseconds(100), maximumDelay: .milliseconds(500))
        #expect(
            (1...5).map(policy.backoffCeiling(afterAttempt:)) == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(500), .milliseconds(500),
            ])
    }

    @Test func retriesAGetWhoseConnectionWasDropped() async throws {
        let attempts = CallCounter()
        let server = try LoopbackHTTPServer { _ in attempts.next() < 3 ? .dropConnection : .respond(.text(200, "back"))
        }
        defer { server.shutdown() }

        let response = try await retryingClient(clock: RecordingClock()).send(HTTPRequest(url: server.baseURL))

        #expect(response.text == "back")
        #expect(attempts.count == 3)
    }

    /// The server read the whole POST before dropping the connection: it may have created the
    /// comment, so a retry could post it twice. The client must report, not retry.
    @Test func doesNotRetryAPostThatReachedTheServer() async throws {
        let attempts = CallCounter()
        let server = try LoopbackHTTPServer { _ in
            _ = attempts.next()
            return .dropConnection
        }
        defer { server.shutdown() }
        let clock = RecordingClock()

        let error = await #expect(throws: HTTPError.self) {
            try await retryingClient(clock: clock).send(
                HTTPRequest(method: .post, url: server.baseURL, body: Data(#"{"body":"LGTM"}"#.utf8)))
        }

        #expect(attempts.count == 1)
        #expect(clock.sleeps.isEmpty)
        guard case .connectionFailed(_, _, _, let requestSent) = error else {
            Issue.record("expected the connection failure itself, got \(String(describing: error))")
            return
        }
        #expect(requestSent)
    }

    /// Regression: libcurl used to send a POST again by itself when the kept-alive connection it
    /// reused was closed without an answer, and the forge got the review twice.
    @Test func doesNotResendAPostWhoseReusedConnectionWasDropped() async throws {
        let posts = CallCounter()
        let server = try LoopbackHTTPServer { request in
            guard request.method == "POST" else { return .respond(.text(200, "ok")) }
            _ = posts.next()
            return .dropConnection
        }
        defer { server.shutdown() }
        let client = retryingClient(clock: RecordingClock())
        _ = try await client.send(HTTPRequest(url: server.baseURL))

        await #expect(throws: HTTPError.self) {
            try await client.send(HTTPRequest(method: .post, url: server.baseURL, body: Data(#"{"body":"LGTM"}"#.utf8)))
        }
        #expect(posts.count == 1)
    }

    @Test func doesNotRetryAPostAnsweredWithAServerError() async throws {
        let attempts = CallCounter()
        let server = try LoopbackHTTPServer { _ in
            _ = attempts.next()
            return .respond(.text(500, "partial failure"))
        }
        defer { server.shutdown() }

        let response = try await retryingClient(clock: RecordingClock()).send(
            HTTPRequest(method: .post, url: server.baseURL))

        #expect(response.status == 500)
        #expect(attempts.count == 1)
    }

    @Test func retriesAPostThatNeverConnected() async throws {
        let refused = try RefusedPort()
        let closedPortURL = refused.url
        let clock = RecordingClock()

        let error = await #expect(throws: HTTPError.self) {
            try await retryingClient(attempts: 3, clock: clock).send(HTTPRequest(method: .post, url: closedPortURL))
        }

        #expect(clock.sleeps.count == 2)
        guard case .retriesExhausted(_, _, let attempts, let lastStatus, let lastError) = error,
            case .connectionFailed(_, _, _, let requestSent) = lastError
        else {
            Issue.record("expected retries exhausted after connection failures, got \(String(describing: error))")
            return
        }
        #expect(attempts == 3)
        #expect(lastStatus == nil)
        #expect(!requestSent)
        #expect(
            error?.description.contains(
                "failed after 3 attempts; last error: connection failed before the request was sent") == true)
    }
}
