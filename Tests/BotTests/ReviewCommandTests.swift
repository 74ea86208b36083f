import Foundation
import ShipshapeTesting
import Testing

/// `shipshape review --forge ...` as a user runs it: the built binary, the token in the
/// environment, a GitHub Enterprise-style address, against the stand-in forge.
@Suite struct ReviewCommandTests {
    /// The `shipshape` binary `swift build --build-tests` put next to the test bundle.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(
            path: "shipshape")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
            path: "../../.build/debug/shipshape"
        ).standardized
    }

    static func shipshape(_ arguments: [String], environment: [String: String]) throws -> (
        status: Int32, output: String
    ) {
        var variables = ProcessInfo.processInfo.environment
        for name in ["SHIPSHAPE_FORGE_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"] { variables[name] = nil }
        variables.merge(environment) { _, new in new }
        return try ProcessRunner.run(binary, arguments, environment: variables)
    }

    @Test func aDryRunPrintsThePlanAndPostsNothingThenTheRealRunPosts() throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let arguments = [
            "review", "--forge", "github", "--url", session.forge.baseURL.absoluteString, "--repo", "acme/shop", "--pr",
            "1",
            "--cache-dir", session.cache.path,
        ]
        let environment = ["SHIPSHAPE_FORGE_TOKEN": ForgeSession.botToken]

        let dry = try Self.shipshape(arguments + ["--dry-run"], environment: environment)
        #expect(dry.status == 3, "danger findings make the exit status 3:\n\(dry.output)")
        #expect(dry.output.contains("Dry run: would post 20 inline comment(s)"), "\(dry.output)")
        #expect(dry.output.contains("```suggestion"))
        #expect(dry.output.contains("--- summary comment\n<!-- shipshape:summary -->"))
        #expect(session.inlineComments.isEmpty && session.conversationComments.isEmpty, "a dry run posts nothing")

        let real = try Self.shipshape(arguments, environment: environment)
        #expect(real.status == 3)
        #expect(real.output.contains("Posted 20 inline comment(s)"), "\(real.output)")
        #expect(!real.output.contains(ForgeSession.botToken))
        #expect(session.inlineComments.count == 20)
        #expect(session.conversationComments.count == 1)
        #expect(session.latestStatus(of: session.scenario.headSHA) == "failure")
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }

    /// The forge's name does not resolve; only the proxy from the environment can reach it. Its
    /// address is plain http and not loopback, so the token goes there only when allowed.
    @Test func requestsGoThroughTheProxyFromTheEnvironment() throws {
        let session = try ForgeSession(.gitea)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let run = try Self.shipshape(
            [
                "review", "--forge", "gitea", "--url", "http://gitea.shipshape.invalid", "--repo", "acme/shop",
                "--pr", "1", "--dry-run", "--cache-dir", session.cache.path, "--allow-plain-http",
            ],
            environment: [
                "SHIPSHAPE_FORGE_TOKEN": ForgeSession.botToken, "http_proxy": session.forge.baseURL.absoluteString,
                "no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1",
            ])
        #expect(run.status == 3, "\(run.output)")
        #expect(run.output.contains("Dry run: would post"))
        let exchanges = session.forge.state.exchanges
        #expect(!exchanges.isEmpty && exchanges.allSatisfy(\.request.cameThroughProxy))
    }

    /// A loopback forge is reached directly even when the environment names a proxy: through the
    /// proxy, the token would cross the network in plain http (and the proxy's loopback is not ours).
    @Test func aLoopbackForgeIsNotReachedThroughTheProxy() throws {
        let session = try ForgeSession(.gitea)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let run = try Self.shipshape(
            [
                "review", "--forge", "gitea", "--url", session.forge.baseURL.absoluteString, "--repo", "acme/shop",
                "--pr", "1", "--dry-run", "--cache-dir", session.cache.path,
            ],
            environment: [
                "SHIPSHAPE_FORGE_TOKEN": ForgeSession.botToken, "http_proxy": session.forge.baseURL.absoluteString,
                "no_proxy": "shipshape.invalid", "NO_PROXY": "shipshape.invalid",
            ])
        #expect(run.status == 3, "\(run.output)")
        let exchanges = session.forge.state.exchanges
        #expect(!exchanges.isEmpty && !exchanges.contains(where: \.request.cameThroughProxy))
    }

    @Test func aRefusedTokenIsReportedWithoutTheToken() throws {
        let session = try ForgeSession(.gitlab)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let run = try Self.shipshape(
            [
                "review", "--forge", "gitlab", "--url", session.forge.baseURL.absoluteString, "--repo", "acme/shop",
                "--pr", "1", "--cache-dir", session.cache.path,
            ],
            environment: ["SHIPSHAPE_FORGE_TOKEN": "wrong-secret-token"])
        #expect(run.status == 1)
        #expect(run.output.contains("401"), "\(run.output)")
        #expect(!run.output.contains("wrong-secret-token"))
    }
}
