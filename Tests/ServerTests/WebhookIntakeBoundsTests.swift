import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

/// Deliveries are judged on their headers before a byte of the body is read, and the bodies read
/// at once are bounded in number and bytes: unsigned 25 MB bodies cannot pile up in memory.
///
/// The time limits bound a hang only (each wait ends as soon as its answer comes): a full run on
/// two cores once stalled these answers past one minute while other tests held the shared pool.
@Suite struct WebhookIntakeBoundsTests {
    static let wellFormedSignature = "sha256=" + String(repeating: "0", count: 64)

    static func githubHead(
        length: Int, signature: String? = wellFormedSignature, contentType: String = "application/json"
    ) -> [String: String] {
        var headers = [
            "Content-Type": contentType, "Content-Length": "\(length)", "X-GitHub-Event": "pull_request",
            "X-GitHub-Delivery": UUID().uuidString,
        ]
        if let signature { headers["X-Hub-Signature-256"] = signature }
        return headers
    }

    @Test func anUnsignedDeliveryIsRefusedFromItsHeadersWithoutItsBody() async throws {
        let server = try await RunningServer()
        let connection = try RawHTTPConnection(port: server.port)
        connection.sendHead(path: "/webhooks/github", headers: Self.githubHead(length: 20_000_000, signature: nil))
        connection.finishSending()
        #expect(
            await connection.status() == 401, "refused on its headers (reading the missing body ended in 413 before)")
        await server.stop()
    }

    @Test func aDeliveryThatIsNotJSONIsRefusedFromItsHeaders() async throws {
        let server = try await RunningServer()
        let body = try WebhookExamples.data("github/webhooks/pull_request/opened.payload.json")
        let signature = try "sha256=" + OpenSSLTool.hmacSHA256(key: RunningServer.secret, data: body)
        let connection = try RawHTTPConnection(port: server.port)
        connection.sendHead(
            path: "/webhooks/github",
            headers: Self.githubHead(
                length: body.count, signature: signature,
                contentType: "application/x-www-form-urlencoded"))
        connection.send(body)
        #expect(await connection.status() == 415)
        #expect(try await server.jobs() == 0)
        await server.stop()
    }

    @Test func aTruncatedBodyIsABadRequestNotTooLarge() async throws {
        let server = try await RunningServer()
        let connection = try RawHTTPConnection(port: server.port)
        connection.sendHead(path: "/webhooks/github", headers: Self.githubHead(length: 1_000))
        connection.send(Data(#"{"action": "#.utf8))
        connection.finishSending()
        #expect(await connection.status() == 400)
        await server.stop()
    }

    @Test(.timeLimit(.minutes(10)))
    func aDeclaredLengthOverTheLimitIsRefusedUnread() async throws {
        let server = try await RunningServer(maximumBodyBytes: 4_096)
        let connection = try RawHTTPConnection(port: server.port)
        connection.sendHead(path: "/webhooks/github", headers: Self.githubHead(length: 10_000))
        #expect(await connection.status() == 413, "answered without waiting for the body")
        await server.stop()
    }

    @Test(.timeLimit(.minutes(10)))
    func anIdleConnectionIsClosed() async throws {
        let server = try await RunningServer(idleTimeout: .milliseconds(200))
        let idle = try RawHTTPConnection(port: server.port)
        #expect(await idle.closedByServer(), "a socket that never sends a request does not hold a descriptor for ever")
        #expect(try await server.get("/healthz").status == 200)
        await server.stop()
    }

    /// Waits (without a deadline of its own: the test's time limit is the bound) until the server
    /// reports `bodies` delivery bodies in flight.
    static func waitForBodiesInFlight(_ bodies: Int, on server: RunningServer) async throws {
        while true {
            let metrics = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
            let line = metrics.split(separator: "\n").first { $0.hasPrefix("shipshape_webhook_bodies_in_flight ") }
            if line.flatMap({ Double($0.split(separator: " ").last ?? "") }) == Double(bodies) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func bodiesReadAtOnceAreBoundedInNumber() async throws {
        // The held bodies wait on the test, not on a clock: an idle limit far beyond any stall of a
        // loaded machine (at 30 s, a full run closed them first and the 400s became 0s).
        let server = try await RunningServer(maximumConcurrentBodies: 2, idleTimeout: .seconds(600))
        let held = try (0..<2).map { _ in try RawHTTPConnection(port: server.port) }
        for connection in held {
            connection.sendHead(path: "/webhooks/github", headers: Self.githubHead(length: 1_000))
            connection.send(Data("{".utf8))
        }
        try await Self.waitForBodiesInFlight(2, on: server)
        let body = try WebhookExamples.data("github/webhooks/pull_request/opened.payload.json")
        let refused = try await server.deliverGitHub(event: "pull_request", body: body)
        #expect(refused.status == 503)
        #expect(refused.headers["Retry-After"] == "5")
        for connection in held { connection.finishSending() }
        #expect([await held[0].status(), await held[1].status()] == [400, 400])
        try await Self.waitForBodiesInFlight(0, on: server)
        #expect(
            try await server.deliverGitHub(event: "pull_request", body: body).status == 202,
            "room again once they are answered")
        await server.stop()
    }

    @Test(.timeLimit(.minutes(10)))
    func bodiesReadAtOnceAreBoundedInBytes() async throws {
        // One body may reserve 4 KB of the 6 KB budget: a second of 3 KB must wait its turn.
        let server = try await RunningServer(
            maximumBodyBytes: 4_096, maximumBufferedBytes: 6_000, idleTimeout: .seconds(600))
        let held = try RawHTTPConnection(port: server.port)
        held.sendHead(path: "/webhooks/github", headers: Self.githubHead(length: 4_000))
        held.send(Data("{".utf8))
        try await Self.waitForBodiesInFlight(1, on: server)
        let second = try RawHTTPConnection(port: server.port)
        second.sendHead(path: "/webhooks/github", headers: Self.githubHead(length: 3_000))
        #expect(await second.status() == 503)
        let small = try RawHTTPConnection(port: server.port)
        small.sendHead(path: "/webhooks/github", headers: Self.githubHead(length: 2))
        small.send(Data("{}".utf8))
        #expect(await small.status() == 401, "a body that fits is read (and its made-up signature refused)")
        held.finishSending()
        #expect(await held.status() == 400)
        await server.stop()
    }
}

/// Metric labels come from a closed set: the signature covers the body, not the event header.
@Suite struct WebhookMetricLabelTests {
    @Test func aMadeUpEventHeaderOnASignedBodyDoesNotBecomeALabel() async throws {
        let server = try await RunningServer()
        let body = try WebhookExamples.data("github/webhooks/pull_request/opened.payload.json")
        for index in 0..<3 {
            #expect(try await server.deliverGitHub(event: "made-up-\(index)", body: body).status == 204)
        }
        let metrics = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
        #expect(!metrics.contains("made-up"))
        #expect(
            metrics.contains(#"shipshape_webhooks_total{forge="github",event="other",outcome="ignored"} 3"#),
            "\(metrics)")
        await server.stop()
    }
}
