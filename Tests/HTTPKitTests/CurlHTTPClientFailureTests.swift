import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@Suite struct CurlHTTPClientFailureTests {
    @Test func timesOutAndNamesTheRequest() async throws {
        let server = try LoopbackHTTPServer { _ in .respondAfter(.seconds(3), .text(200, "too late")) }
        defer { server.shutdown() }
        let url = server.baseURL.appending(path: "slow")

        let error = await #expect(throws: HTTPError.self) {
            try await CurlHTTPClient().send(HTTPRequest(url: url, timeout: .milliseconds(300)))
        }

        guard case .timedOut(let method, let failedURL, let limit, _) = error else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(method == .get)
        #expect(failedURL == url)
        #expect(limit == .milliseconds(300))
        #expect(error?.description == "GET \(url.absoluteString) timed out after 0.3 s")
    }

    @Test func reportsADroppedConnectionAsSent() async throws {
        let server = try LoopbackHTTPServer { _ in .dropConnection }
        defer { server.shutdown() }

        let error = await #expect(throws: HTTPError.self) {
            try await CurlHTTPClient().send(HTTPRequest(url: server.baseURL.appending(path: "gone")))
        }

        guard case .connectionFailed(_, let url, _, let requestSent) = error else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
        #expect(url.path == "/gone")
        #expect(requestSent)
        #expect(error?.description.contains("/gone") == true)
    }

    @Test func reportsARefusedConnectionAsNotSent() async throws {
        let refused = try RefusedPort()
        let closedPortURL = refused.url

        let error = await #expect(throws: HTTPError.self) {
            try await CurlHTTPClient().send(HTTPRequest(method: .post, url: closedPortURL, body: Data("x".utf8)))
        }

        guard case .connectionFailed(let method, _, _, let requestSent) = error else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
        #expect(method == .post)
        #expect(!requestSent)
    }

    @Test func rejectsHeaderValuesWithLineBreaks() async throws {
        let server = try LoopbackHTTPServer(handler: echoHandler)
        defer { server.shutdown() }
        var request = HTTPRequest(url: server.baseURL)
        request.headers["X-Injected"] = "a\r\nEvil: yes"

        let error = await #expect(throws: HTTPError.self) { try await CurlHTTPClient().send(request) }

        guard case .invalidRequest = error else {
            Issue.record("expected an invalid request, got \(String(describing: error))")
            return
        }
        #expect(server.requestsServed == 0)
    }

    @Test func cancellationStopsAWaitingTransfer() async throws {
        // An hour: however slowly a loaded machine runs the test, the answer cannot come first
        // (shutting the server down ends the wait).
        let server = try LoopbackHTTPServer { _ in .respondAfter(.seconds(3600), .text(200, "never")) }
        defer { server.shutdown() }
        let client = CurlHTTPClient()
        let task = Task { try await client.send(HTTPRequest(url: server.baseURL)) }
        // Cancelled only once the server holds the request, so it is a waiting transfer that stops.
        // The deadline only bounds a hang: a full run on two busy cores once took over 60 s to
        // give the sending task a thread.
        let deadline = ContinuousClock.now + .seconds(600)
        while server.requestsServed == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(server.requestsServed == 1, "the request reached the server")
        task.cancel()

        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
