import Bot
import Forge
import Foundation
import HTTPKit
import Server
import ShipshapeTesting
import Testing

/// The bot as it runs: `BotService` (webhook server, SQLite queue, a worker) against the stand-in
/// forge of each kind and a real Git server, driven only by signed webhook deliveries.
@Suite struct ServiceEndToEndTests {
    static let secret = "hook-secret"

    final class RunningService: @unchecked Sendable {
        let queue: SQLiteJobQueue
        let folder: URL
        private(set) var port = 0
        private var task: Task<Void, any Error>?
        let client = CurlHTTPClient()
        let flavor: TestForgeState.Flavor
        let forgeState: TestForgeState

        init(session: ForgeSession, workers: Int = 1) async throws {
            flavor = session.flavor
            forgeState = session.forge.state
            folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-service-\(UUID().uuidString)")
            queue = try SQLiteJobQueue(path: folder.appending(path: "queue.sqlite").path)
            var configuration = BotConfiguration()
            configuration.host = "127.0.0.1"
            configuration.port = 0
            configuration.workers = workers
            configuration.cacheDirectory = folder.appending(path: "cache").path
            configuration.forges = [
                .init(
                    endpoint: ForgeEndpoint(
                        kind: session.flavor.kind, apiRoot: session.forge.apiRoot,
                        authentication: .token(ForgeSession.botToken)),
                    webhookSecret: ServiceEndToEndTests.secret)
            ]
            let service = BotService(configuration: configuration, queue: queue)
            let ports = AsyncStream<Int>.makeStream()
            task = Task { try await service.run { ports.continuation.yield($0) } }
            for await bound in ports.stream {
                port = bound
                break
            }
        }

        func deliver(_ delivery: ForgeDelivery) async throws -> Int {
            var headers = HTTPHeaders()
            for (name, value) in delivery.headers { headers[name] = value }
            let url = URL(string: "http://127.0.0.1:\(port)" + delivery.path)!
            return try await client.send(HTTPRequest(method: .post, url: url, headers: headers, body: delivery.body))
                .status
        }

        func pullRequest(_ action: ForgeDelivery.Action, number: Int, headSHA: String) async throws -> Int {
            try await deliver(
                ForgeDelivery.pullRequest(
                    flavor, action, number: number, headSHA: headSHA, secret: ServiceEndToEndTests.secret))
        }

        func comment(_ comment: PostedComment, author: String, number: Int) async throws -> Int {
            try await deliver(
                ForgeDelivery.comment(
                    flavor, id: comment.id, body: comment.body, author: author, number: number,
                    role: forgeState.role(of: author), secret: ServiceEndToEndTests.secret))
        }

        func stop() async {
            task?.cancel()
            _ = await task?.result
            try? FileManager.default.removeItem(at: folder)
        }
    }

    static func idle(_ queue: SQLiteJobQueue) async throws {
        for _ in 0..<1_200 {
            let depth = try await queue.depth()
            if (depth[.pending] ?? 0) + (depth[.running] ?? 0) == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Regression: with no workers the (empty) worker service ended at once and took the server down.
    @Test func anIntakeOnlyReplicaKeepsServing() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let service = try await RunningService(session: session, workers: 0)
        for _ in 0..<5 {
            try await Task.sleep(for: .milliseconds(100))
            #expect(
                try await service.client.send(
                    HTTPRequest(url: URL(string: "http://127.0.0.1:\(service.port)/healthz")!)
                ).status == 200)
        }
        #expect(
            try await service.pullRequest(.opened, number: session.number, headSHA: session.scenario.headSHA) == 202)
        #expect(try await service.queue.depth()[.pending] == 1, "stored for a worker elsewhere")
        await service.stop()
    }

    @Test(arguments: ForgePublicationTests.flavors)
    func aSignedPullRequestDeliveryGetsAReviewAndAMaintainersFixIsCommitted(flavor: TestForgeState.Flavor) async throws
    {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        session.forge.state.addUser(login: "bob", token: "bob-token", permission: "read")
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let service = try await RunningService(session: session)

        // Opened: the review lands.
        #expect(
            try await service.pullRequest(.opened, number: session.number, headSHA: session.scenario.headSHA) == 202)
        try await Self.idle(service.queue)
        #expect(session.inlineComments.count == 20)
        #expect(
            session.conversationComments.filter { ($0["body"] as? String)?.contains(CommentMarkers.summary) == true }
                .count == 1)
        #expect(session.latestStatus(of: session.scenario.headSHA) == (flavor == .gitlab ? "failed" : "failure"))

        // A reader asks for a fix: refused, nothing committed.
        let before = try session.served("refs/heads/pr")
        let refusal = try await session.comment("/shipshape fix", token: "bob-token")
        #expect(try await service.comment(refusal, author: "bob", number: session.number) == 202)
        try await Self.idle(service.queue)
        #expect(try session.served("refs/heads/pr") == before)
        #expect(session.reactions(on: refusal).contains("confused"))
        #expect(session.replies().contains { $0.contains("needs write access") })

        // A maintainer asks: the fixes are committed to the branch.
        let request = try await session.comment("/shipshape fix", token: "alice-token")
        #expect(try await service.comment(request, author: "alice", number: session.number) == 202)
        try await Self.idle(service.queue)
        let fixed = try session.served("refs/heads/pr")
        #expect(fixed != before)
        #expect(try session.servedMessage(fixed).hasPrefix("Fix "))
        #expect(session.reactions(on: request).contains("rocket"))

        // The forge tells the bot about the new commit: the re-review marks the fixed findings.
        try session.adoptServedBranch()
        #expect(try await service.pullRequest(.synchronized, number: session.number, headSHA: fixed) == 202)
        try await Self.idle(service.queue)
        let summary =
            session.conversationComments.compactMap { $0["body"] as? String }.first {
                $0.contains(CommentMarkers.summary)
            } ?? ""
        #expect(summary.contains("Fixed since the last review"))
        #expect(session.latestStatus(of: fixed) != nil)
        // GitHub and Gitea comments are edited to say so; GitLab's threads are resolved.
        let fixedComments = session.inlineComments.filter {
            ($0["body"] as? String)?.contains(CommentMarkers.fixed) == true || $0["resolved"] as? Bool == true
        }
        #expect(fixedComments.count >= 3)
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")

        // A worker records a job's metrics just after the queue has it done: wait for them.
        var metrics = ""
        for _ in 0..<300 {
            metrics = String(
                decoding: try await service.client.send(
                    HTTPRequest(url: URL(string: "http://127.0.0.1:\(service.port)/metrics")!)
                ).body,
                as: UTF8.self)
            if metrics.contains(#"shipshape_jobs_total{kind="review",outcome="done"} 2"#),
                metrics.contains(#"shipshape_jobs_total{kind="command",outcome="done"} 2"#)
            {
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(
            metrics.contains(
                #"shipshape_webhooks_total{forge="\#(flavor.kind.rawValue)",event="pull_request",outcome="accepted"} 2"#
            ), "\(metrics)")
        #expect(metrics.contains(#"shipshape_jobs_total{kind="review",outcome="done"} 2"#))
        #expect(metrics.contains(#"shipshape_jobs_total{kind="command",outcome="done"} 2"#))
        #expect(metrics.contains("shipshape_job_duration_seconds_bucket"))
        #expect(metrics.contains(#"shipshape_forge_calls_total{host="127.0.0.1",outcome="success"}"#))
        // GitHub states its rate limit on every answer; Gitea does not, GitLab only where configured.
        if flavor == .github { #expect(metrics.contains(#"shipshape_forge_rate_limit_remaining{host="127.0.0.1"}"#)) }
        await service.stop()
    }
}
