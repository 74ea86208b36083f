import Bot
import Forge
import Foundation
import HTTPKit
import ShipshapeTesting
import Synchronization
import Testing

@testable import Server

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
        let check = endpoint.credentialCheck(client: CurlHTTPClient())
        let clock = ManualClock()
        let readiness = Readiness(
            queue: server.queue, forgeChecks: [("gitea", check)], forgeInterval: .seconds(60), now: clock.now)

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
            HTTPError.transferFailed(
                method: .get, url: URL(string: "https://gitea.example.com/api/v1/user")!, reason: "connection refused"),
        ]
        for failure in failures {
            let readiness = Readiness(queue: server.queue, forgeChecks: [("gitea", { throw failure })])
            #expect(await readiness.problems().isEmpty, "\(failure)")
        }
        let refused = Readiness(
            queue: server.queue,
            forgeChecks: [("gitea", { throw ForgeError.status(code: 401, method: "GET", path: "/user", message: "") })])
        #expect(await refused.problems().map(\.summary) == ["gitea does not accept the bot's credentials"])
        await server.stop()
    }

    final class HeldForge: Sendable {
        private let askedCount = Mutex(0)
        private let released = Mutex(false)
        var asked: Int { askedCount.withLock { $0 } }
        func release() { released.withLock { $0 = true } }

        /// A check that counts its calls and answers 401 once released.
        func check() async throws {
            askedCount.withLock { $0 += 1 }
            while !released.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
            throw ForgeError.status(code: 401, method: "GET", path: "/user", message: "Bad credentials")
        }
    }

    /// Probes that come while the forge is being asked wait for that answer: the forge is asked
    /// once, however many probes the kubelet and load balancers send meanwhile.
    @Test func probesThatComeWhileTheForgeIsAskedWaitForItsAnswer() async throws {
        let server = try await RunningServer()
        let forge = HeldForge()
        // The forge's answer is held for as long as the probes take to arrive: no timeout cuts it.
        let readiness = Readiness(
            queue: server.queue, forgeChecks: [("gitea", { try await forge.check() })], forgeTimeout: .seconds(3_600))
        let first = Task { await readiness.problems() }
        // Bounds a hang only; each wait ends as soon as its condition holds.
        let limit = ContinuousClock.now + .seconds(600)
        while forge.asked == 0, ContinuousClock.now < limit { try await Task.sleep(for: .milliseconds(5)) }
        let others = (0..<4).map { _ in Task { await readiness.problems() } }
        while await readiness.probesWaitingForForges < 4, forge.asked == 1, ContinuousClock.now < limit {
            try await Task.sleep(for: .milliseconds(5))
        }
        forge.release()
        var answers = [await first.value]
        for other in others { answers.append(await other.value) }
        #expect(forge.asked == 1)
        #expect(answers.allSatisfy { $0.map(\.summary) == ["gitea does not accept the bot's credentials"] })
        await server.stop()
    }

    /// A GitHub App has no token to check with `GET /user`: its JWT asks `GET /app`, which GitHub
    /// refuses when the key is not the App's (a key revoked or replaced on GitHub).
    @Test func aGitHubAppWhoseKeyGitHubRefusesMakesTheServiceUnready() async throws {
        let forge = try TestForge(flavor: .github)
        defer { forge.shutdown() }
        let registered = try OpenSSLTool.generateRSAKey()
        let other = try OpenSSLTool.generateRSAKey()
        forge.state.enableGitHubApp(appID: "4242", installationID: 77) { [publicKey = registered.publicKey] in
            OpenSSLTool.verifiesRS256($0, publicKey: publicKey)
        }
        let server = try await RunningServer()
        func readiness(key: String) -> Readiness {
            let endpoint = ForgeEndpoint(
                kind: .github, apiRoot: forge.apiRoot,
                authentication: .gitHubApp(appID: "4242", privateKeyPEM: key, installationID: 77, slug: nil))
            return Readiness(
                queue: server.queue, forgeChecks: [("github", endpoint.credentialCheck(client: CurlHTTPClient()))])
        }
        #expect(await readiness(key: registered.privateKey).problems().isEmpty)
        let refused = await readiness(key: other.privateKey).problems()
        #expect(refused.map(\.summary) == ["github does not accept the bot's credentials"])
        #expect(refused.first?.detail.contains("401") == true)
        #expect(forge.violations.isEmpty, "\(forge.violations.joined(separator: "\n"))")
        await server.stop()
    }
}
