import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

/// The test server's own promises, checked with the real client.
@Suite struct LoopbackHTTPServerTests {
    @Test func closesTheConnectionWhenTheClientAsks() async throws {
        let server = try LoopbackHTTPServer(handler: echoHandler)
        defer { server.shutdown() }
        let client = CurlHTTPClient()
        var request = HTTPRequest(url: server.baseURL)
        request.headers["Connection"] = "close"

        for _ in 0..<3 { _ = try await client.send(request) }

        #expect(server.requestsServed == 3)
        #expect(server.connectionsAccepted == 3)
    }

    @Test func shutsDownPromptlyWithIdleAndSleepingConnections() async throws {
        let server = try LoopbackHTTPServer { request in
            request.path == "/slow" ? .respondAfter(.seconds(30), .text(200, "late")) : .respond(.text(200, "now"))
        }
        let idleClient = CurlHTTPClient()
        let impatientClient = CurlHTTPClient()
        _ = try await idleClient.send(HTTPRequest(url: server.baseURL))
        await #expect(throws: HTTPError.self) {
            try await impatientClient.send(
                HTTPRequest(url: server.baseURL.appending(path: "slow"), timeout: .milliseconds(100)))
        }

        let started = ContinuousClock.now
        server.shutdown()

        // The sleeping connection would hold a shutdown that waited for it 30 s.
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(server.connectionsAccepted == 2)
    }
}
