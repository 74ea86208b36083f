import Bot
import Forge
import Foundation
import Server
import ShipshapeTesting
import Testing

/// The bot's intake (webhook server, queue client) runs on threads of its own. Regression: it ran
/// on Swift's shared pool, so while that pool was busy (workers checking, or in CI every other
/// test) a forge's POST waited and timed out.
///
/// Holding the whole pool would stall the other tests of this process, and could deadlock with one
/// that waits for a process to exit, so the blockade runs in a process of its own: this test binary
/// started again for this suite alone.
@Suite struct IntakeIsolationTests {
    static let secret = "intake-secret"
    static let childVariable = "SHIPSHAPE_POOL_BLOCKADE_CHILD"
    static var isChild: Bool { ProcessInfo.processInfo.environment[childVariable] == "1" }

    @Test(.enabled(if: !isChild))
    func theBlockadeRunsInAProcessOfItsOwnAndPasses() throws {
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childVariable] = "1"
        let binary = URL(fileURLWithPath: CommandLine.arguments[0])
        let (status, output) = try ProcessRunner.run(
            binary, ["--testing-library", "swift-testing", "--filter", "IntakeIsolationTests"],
            environment: environment)
        let summary = output.split(separator: "\n").filter {
            $0.contains("aDeliveryIsStoredAndAnswered") || $0.contains("Test run")
        }
        #expect(status == 0, "\(output.suffix(4_000))")
        #expect(summary.contains { $0.contains("with 2 test cases passed") }, "\(summary.joined(separator: "\n"))")
    }

    @Test(.enabled(if: isChild), arguments: [Backend.sqlite, .postgres])
    func aDeliveryIsStoredAndAnsweredWhileTheSharedPoolIsHeld(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let cache = FileManager.default.temporaryDirectory.appending(path: "shipshape-intake-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: cache) }
            var configuration = BotConfiguration()
            configuration.host = "127.0.0.1"
            configuration.port = 0
            configuration.workers = 0
            configuration.cacheDirectory = cache.path
            let unused = try #require(URL(string: "http://127.0.0.1:9"))
            configuration.forges = [
                .init(
                    endpoint: ForgeEndpoint(kind: .github, apiRoot: unused, authentication: .token("unused")),
                    webhookSecret: Self.secret)
            ]
            let ports = AsyncStream<Int>.makeStream()
            let service = Task {
                try await BotService(configuration: configuration, queue: queue).run { ports.continuation.yield($0) }
            }
            var port = 0
            for await bound in ports.stream {
                port = bound
                break
            }

            let body = try Data(
                contentsOf: SharedData.forge.appending(path: "github/webhooks/pull_request/opened.payload.json"))
            let headers = try GitHubDeliveries.headers(event: "pull_request", body: body, secret: Self.secret)
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/webhooks/github"))
            let (answer, held) = await PoolBlockade.whileHeld {
                PythonHTTPPost.send(to: url, headers: headers, body: body)
            }
            #expect(
                held, "the pool was not held: it is wider than the processor count here, so this run proves nothing")
            #expect(answer == "202")
            #expect(try await queue.depth()[.pending] == 1)
            service.cancel()
            _ = await service.result
        }
    }
}
