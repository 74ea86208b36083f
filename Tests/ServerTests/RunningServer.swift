import Bot
import Forge
import Foundation
import HTTPKit
import Server
import ServiceLifecycle
import ShipshapeTesting

/// The webhook server on a loopback port with a real SQLite queue, and a real HTTP client to
/// talk to it: what a forge meets.
final class RunningServer: @unchecked Sendable {
    static let secret = "shipshape-test-secret"

    let queue: SQLiteJobQueue
    let metrics: ServerMetrics
    let folder: URL
    private(set) var port = 0
    private var task: Task<Void, any Error>?
    let client = CurlHTTPClient()

    init(
        maximumBodyBytes: Int = 25 * 1024 * 1024, maximumConcurrentBodies: Int = 32,
        maximumBufferedBytes: Int = 64 * 1024 * 1024,
        idleTimeout: Duration = .seconds(30), routing: EventRouting = EventRouting()
    ) async throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-server-\(UUID().uuidString)")
        queue = try SQLiteJobQueue(path: folder.appending(path: "queue.sqlite").path)
        metrics = ServerMetrics()
        let secrets = WebhookSecrets([.github: Self.secret, .gitea: Self.secret, .gitlab: Self.secret])
        let server = WebhookServer(
            settings: ServerSettings(
                host: "127.0.0.1", port: 0, maximumBodyBytes: maximumBodyBytes,
                maximumConcurrentBodies: maximumConcurrentBodies, maximumBufferedBytes: maximumBufferedBytes,
                idleTimeout: idleTimeout),
            intake: WebhookIntake(secrets: secrets, routing: routing, queue: queue, installations: queue),
            metrics: metrics)
        let ports = AsyncStream<Int>.makeStream()
        task = Task { try await server.service { ports.continuation.yield($0) }.run() }
        for await bound in ports.stream {
            port = bound
            break
        }
    }

    func stop() async {
        task?.cancel()
        _ = await task?.result
        try? FileManager.default.removeItem(at: folder)
    }

    var base: URL { URL(string: "http://127.0.0.1:\(port)")! }

    func get(_ path: String) async throws -> HTTPResponse {
        try await client.send(HTTPRequest(url: base.appending(path: path)))
    }

    func post(_ path: String, headers: [String: String], body: Data) async throws -> HTTPResponse {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields[name] = value }
        fields["Content-Type"] = "application/json"
        return try await client.send(
            HTTPRequest(method: .post, url: base.appending(path: path), headers: fields, body: body))
    }

    /// A GitHub delivery of `body`, signed with the test secret by openssl.
    func deliverGitHub(event: String, body: Data, delivery: String = UUID().uuidString, signature: String? = nil)
        async throws -> HTTPResponse
    {
        let signed = try signature ?? ("sha256=" + OpenSSLTool.hmacSHA256(key: Self.secret, data: body))
        return try await post(
            "/webhooks/github",
            headers: [
                "X-GitHub-Event": event, "X-GitHub-Delivery": delivery,
                "X-Hub-Signature-256": signed, "User-Agent": "GitHub-Hookshot/test",
            ], body: body)
    }

    func jobs() async throws -> Int {
        try await queue.depth().values.reduce(0, +)
    }
}

/// The official example payloads, byte for byte.
enum WebhookExamples {
    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: SharedData.forge.appending(path: relative))
    }

    static func githubFiles() throws -> [(event: String, name: String)] {
        let folder = SharedData.forge.appending(path: "github/webhooks")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().flatMap { event in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appending(path: event).path)) ?? [])
                .filter { $0.hasSuffix(".json") }.sorted().map { (event, $0) }
        }
    }
}
