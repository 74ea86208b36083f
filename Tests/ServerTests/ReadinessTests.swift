import Bot
import Forge
import Foundation
import HTTPKit
import Server
import ShipshapeTesting
import Synchronization
import Testing

/// `/readyz` fails while a forge refuses the bot's token, asking the forge at most once per interval.
@Suite struct ReadinessTests {
    final class ManualClock: Sendable {
        private let elapsed = Mutex(Duration.zero)
        let start = ContinuousClock.now
        func advance(_ duration: Duration) { elapsed.withLock { $0 += duration } }
        func now() -> ContinuousClock.Instant { start + elapsed.withLock { $0 } }
    }

    @Test func aRefusedTokenMakesTheServiceUnreadyUntilTheForgeAcceptsItAgain() async throws {
        let forge = try TestForge(flavor: .gitea)
        defer { forge.shutdown() }
        forge.state.addUser(login: "shipshape-bot", token: "good-token", permission: "write")
        let server = try await RunningServer()
        let endpoint = ForgeEndpoint(kind: .gitea, apiRoot: forge.apiRoot, authentication: .token("revoked-token"))
        let check = try #require(endpoint.credentialCheck(client: CurlHTTPClient()))
        let clock = ManualClock()
        let readiness = Readiness(queue: server.queue, forgeChecks: [("gitea", check)], forgeInterval: .seconds(60), now: clock.now)

        let refused = await readiness.problems()
        #expect(refused.map(\.summary) == ["gitea does not accept the bot's credentials"])
        #expect(refused.first?.detail.contains("401") == true)
        #expect(!refused.contains { $0.detail.contains("revoked-token") })

        forge.state.addUser(login: "shipshape-bot-2", token: "revoked-token", permission: "write")
        #expect(await readiness.problems().count == 1, "the forge is asked again only after the interval")
        clock.advance(.seconds(61))
        #expect(await readiness.problems().isEmpty)
        await server.stop()
    }

    /// Only a refusal of the token (401) makes the service unready: a forge that is down, slow or
    /// rate-limiting says nothing about the token, and an unready service takes no webhooks at all.
    @Test func aForgeThatFailsWithoutRefusingTheTokenLeavesTheServiceReady() async throws {
        let server = try await RunningServer()
        let failures: [any Error] = [
            ForgeError.status(code: 503, method: "GET", path: "/user", message: "unavailable"),
            ForgeError.status(code: 403, method: "GET", path: "/user", message: "API rate limit exceeded"),
            HTTPError.transferFailed(method: .get, url: URL(string: "https://gitea.example.com/api/v1/user")!, reason: "connection refused"),
        ]
        for failure in failures {
            let readiness = Readiness(queue: server.queue, forgeChecks: [("gitea", { throw failure })])
            #expect(await readiness.problems().isEmpty, "\(failure)")
        }
        let refused = Readiness(queue: server.queue, forgeChecks: [("gitea", { throw ForgeError.status(code: 401, method: "GET", path: "/user", message: "") })])
        #expect(await refused.problems().map(\.summary) == ["gitea does not accept the bot's credentials"])
        await server.stop()
    }

    @Test func aGitHubAppHasNoTokenToCheck() {
        let endpoint = ForgeEndpoint(kind: .github, apiRoot: URL(string: "https://api.github.com")!,
                                     authentication: .gitHubApp(appID: "1", privateKeyPEM: "", installationID: nil, slug: nil))
        #expect(endpoint.credentialCheck(client: CurlHTTPClient()) == nil)
    }
}
