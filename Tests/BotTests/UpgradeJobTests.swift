import Bot
import Forge
import Foundation
import GitKit
import HTTPKit
import Manifests
import Policy
import Review
import ShipshapeTesting
import Testing
import Upgrades

/// The scheduled upgrade job end to end: a stand-in forge, a real Git server, a real registry
/// and a Helm repository with real chart archives.
@Suite(.serialized) struct UpgradeJobTests {
    static let certManagerBranch = "shipshape/upgrade/cert-manager"
    static let apiBranch = "shipshape/upgrade/api"

    @Test func opensOnePullRequestPerAddOnThenKeepsThemCurrentLeavesForeignBranchesAndClosesSettledOnes() async throws {
        let session = try UpgradeSession()
        defer { session.shutdown() }
        let base = try session.served("refs/heads/main")

        let first = try await session.job().run()
        #expect(first.opened == ["api", "cert-manager"])
        let certManager = try #require(session.pullRequest(branch: Self.certManagerBranch))
        #expect(certManager["title"] as? String == "Update cert-manager to v1.14.5")
        let body = try #require(certManager["body"] as? String)
        #expect(
            body.contains(
                "| `cert-manager` | chart | patch | `v1.14.2` → `v1.14.5` | `infrastructure/cert-manager.yaml:10` |"))
        #expect(
            body.contains(
                "| `\(session.registry.host)/jetstack/cert-manager-controller` | image | patch | `v1.14.2` → `v1.14.5` |"
            ))
        #expect(body.contains("[cert-manager](https://cert-manager.io)"))
        #expect(body.contains("issuers.cert-manager.io"), "the CRD the new chart adds")
        #expect(body.contains("challenges.cert-manager.io"), "the CRD it removes")
        #expect(body.contains("prometheus.enabled"), "a default value it adds")
        #expect(body.contains("policy/v1beta1"), "a removed apiVersion in its templates")
        #expect(!body.contains("major"))
        try Golden.check(
            body.replacingOccurrences(of: session.registry.host, with: "registry.test"),
            against: "upgrade-pull-request-github.md")
        let message = try session.fixture.git(
            "--git-dir", session.bare, "log", "-1", "--format=%B", "refs/heads/\(Self.certManagerBranch)")
        try Golden.check(
            message.replacingOccurrences(of: session.registry.host, with: "registry.test") + "\n",
            against: "upgrade-commit-message.txt")
        #expect(
            session.forge.state.labels(
                repository: UpgradeSession.repository, pullRequest: certManager["number"] as! Int) == ["dependencies"])
        #expect(
            try session.served("refs/heads/\(Self.certManagerBranch)~1") == base,
            "one commit on top of the default branch")
        #expect(
            try session.servedFile("infrastructure/cert-manager.yaml", at: "refs/heads/\(Self.certManagerBranch)")
                == UpgradeSession.certManager(chart: "v1.14.5", image: "v1.14.5", host: session.registry.host))
        let api = try #require(session.pullRequest(branch: Self.apiBranch))
        #expect(api["title"] as? String == "Update api to 1.1.0")
        #expect(
            (api["body"] as? String)?.contains("[\(session.registry.host)/team/api](https://github.com/acme/api)")
                == true, "the image's source label")
        #expect(
            try session.servedFile("apps/api/deployment.yaml", at: "refs/heads/\(Self.apiBranch)").hasSuffix(
                "image: \(session.registry.host)/team/api:1.1.0 # pinned"))

        let apiHead = try session.served("refs/heads/\(Self.apiBranch)")
        let second = try await session.job().run()
        #expect(second.current == ["api", "cert-manager"])
        #expect(second.opened.isEmpty && second.updated.isEmpty)
        #expect(try session.served("refs/heads/\(Self.apiBranch)") == apiHead, "nothing pushed when nothing changed")
        #expect(session.pullRequests.count == 2, "never duplicated")

        try session.registry.pushImage(repository: "team/api", tags: ["1.2.0"])
        let third = try await session.job().run()
        #expect(third.updated == ["api"])
        #expect(session.pullRequest(branch: Self.apiBranch)?["title"] as? String == "Update api to 1.2.0")
        #expect(
            try session.servedFile("apps/api/deployment.yaml", at: "refs/heads/\(Self.apiBranch)").contains(
                "team/api:1.2.0 # pinned"))
        #expect(try session.served("refs/heads/\(Self.apiBranch)~1") == base)

        try session.pushByHand(to: Self.apiBranch, file: "apps/api/NOTES.md", text: "tested on staging\n")
        let handHead = try session.served("refs/heads/\(Self.apiBranch)")
        try session.registry.pushImage(repository: "team/api", tags: ["1.3.0"])
        let fourth = try await session.job().run()
        #expect(fourth.leftAlone["api"] == "someone else pushed to \(Self.apiBranch)")
        #expect(
            try session.served("refs/heads/\(Self.apiBranch)") == handHead, "a person's commit is never overwritten")
        let apiNumber = try #require(session.pullRequest(branch: Self.apiBranch)?["number"] as? Int)
        let notices = session.forge.state.conversationComments(
            repository: UpgradeSession.repository, pullRequest: apiNumber)
        #expect(notices.count == 1)
        #expect((notices.first?["body"] as? String)?.contains("Someone else pushed to `\(Self.apiBranch)`") == true)
        _ = try await session.job().run()
        #expect(
            session.forge.state.conversationComments(repository: UpgradeSession.repository, pullRequest: apiNumber)
                .count == 1, "said once")

        try session.commit(
            files: [
                "infrastructure/cert-manager.yaml": UpgradeSession.certManager(
                    chart: "v1.14.5", image: "v1.14.5", host: session.registry.host)
            ],
            message: "cert-manager 1.14.5 by hand")
        let fifth = try await session.job().run()
        #expect(fifth.closed == [Self.certManagerBranch])
        let closed = try #require(session.pullRequest(branch: Self.certManagerBranch))
        #expect(closed["state"] as? String == "closed")
        let closing = session.forge.state.conversationComments(
            repository: UpgradeSession.repository, pullRequest: closed["number"] as! Int)
        #expect((closing.last?["body"] as? String)?.contains("`main` already has cert-manager v1.14.5") == true)
    }

    @Test func anAmendedCommitIsSomeoneElses() async throws {
        let session = try UpgradeSession()
        defer { session.shutdown() }
        _ = try await session.job().run()
        try session.amendByHand(Self.apiBranch, file: "apps/api/NOTES.md", text: "amended\n")
        let amended = try session.served("refs/heads/\(Self.apiBranch)")
        try session.registry.pushImage(repository: "team/api", tags: ["1.2.0"])
        let run = try await session.job().run()
        #expect(run.leftAlone["api"] == "someone else pushed to \(Self.apiBranch)")
        #expect(try session.served("refs/heads/\(Self.apiBranch)") == amended)
    }

    @Test(arguments: [TestForgeState.Flavor.github, .gitea, .gitlab])
    func aPullRequestClosedUnmergedIsNotProposedAgainUntilANewerVersion(_ flavor: TestForgeState.Flavor) async throws {
        let session = try UpgradeSession(flavor)
        defer { session.shutdown() }
        _ = try await session.job().run()
        let api = try #require(
            session.pullRequest(branch: Self.apiBranch)?["number"] as? Int ?? session.pullRequest(
                branch: Self.apiBranch)?["iid"] as? Int)
        try await session.client().closePullRequest(api)
        let again = try await session.job().run()
        #expect(again.leftAlone["api"] == "pull request \(api) proposed this version and was closed without merging")
        #expect(again.opened.isEmpty)
        try session.registry.pushImage(repository: "team/api", tags: ["1.2.0"])
        let newer = try await session.job().run()
        #expect(newer.opened == ["api"])
        #expect(session.pullRequests.count == 3)
    }

    @Test func limitsOnOpenAndHourlyPullRequests() async throws {
        let session = try UpgradeSession()
        defer { session.shutdown() }
        var settings = UpgradeSettings()
        settings.pullRequestsPerHour = 1
        // The stand-in forge's clock starts at 2025-01-01T00:00:00Z.
        let forgeEpoch = Date(timeIntervalSince1970: 1_735_689_600)
        let first = try await session.job(settings: settings, now: { forgeEpoch.addingTimeInterval(60) }).run()
        #expect(first.opened == ["api"])
        #expect(first.leftAlone["cert-manager"] == "1 upgrade pull requests were opened in the last hour (limit 1)")
        let later = try await session.job(settings: settings, now: { forgeEpoch.addingTimeInterval(2 * 3_600) }).run()
        #expect(later.opened == ["cert-manager"])
        settings.openPullRequestLimit = 2
        try session.registry.pushImage(repository: "team/other", tags: ["1.0.0", "2.0.0"])
        try session.commit(
            files: [
                "apps/other.yaml": """
                apiVersion: v1
                kind: Pod
                metadata: {name: other}
                spec:
                  containers: [{name: other, image: "\(session.registry.host)/team/other:1.0.0"}]
                """
            ], message: "other")
        let full = try await session.job(settings: settings, now: { forgeEpoch.addingTimeInterval(4 * 3_600) }).run()
        #expect(full.leftAlone["other"] == "2 upgrade pull requests are open (limit 2)")
    }

    @Test(arguments: [TestForgeState.Flavor.gitea, .gitlab])
    func opensAndClosesOnGiteaAndGitLab(_ flavor: TestForgeState.Flavor) async throws {
        let session = try UpgradeSession(flavor)
        defer { session.shutdown() }
        let opened = try await session.job().run()
        #expect(opened.opened == ["api", "cert-manager"])
        #expect(session.pullRequests.count == 2)
        try session.commit(
            files: [
                "infrastructure/cert-manager.yaml": UpgradeSession.certManager(
                    chart: "v1.14.5", image: "v1.14.5", host: session.registry.host)
            ],
            message: "by hand")
        let settled = try await session.job().run()
        #expect(settled.closed == [Self.certManagerBranch])
        #expect(settled.current == ["api"], "\(settled)")
    }

    /// The service's path: an upgrade schedule fires, the job is stored in the queue, a worker's
    /// handler runs it.
    @Test func aScheduledUpgradeRunsThroughTheQueueAndTheJobHandler() async throws {
        let session = try UpgradeSession()
        defer { session.shutdown() }
        let folder = session.cache.appending(path: "queue")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clock = TestClock(SchedulerTests.date("2026-11-30T06:01:00Z"))
        let queue = try SQLiteJobQueue(
            path: folder.appending(path: "queue.sqlite").path, settings: QueueSettings(now: { clock.now }))
        let schedule = Schedule(
            name: "weekly-upgrades", kind: .upgrade, cron: try CronExpression("0 6 * * mon"),
            timeZone: TimeZone(identifier: "UTC")!,
            repositories: [(.github, RepositoryID(UpgradeSession.repository)!)])
        let fired = try await Scheduler(schedules: [schedule], queue: queue, now: { clock.now }).fireDue(
            since: SchedulerTests.date("2026-11-30T05:00:00Z"))
        #expect(fired.count == 1)
        let leased = try #require(try await queue.lease(owner: "worker", for: .seconds(60), kinds: [.upgrade]))
        let endpoint = ForgeEndpoint(
            kind: .github, apiRoot: session.forge.apiRoot, authentication: .token(UpgradeSession.botToken))
        let client = HTTPClientFactory.make(policy: RetryPolicy(baseDelay: .milliseconds(1)))
        let handler = BotJobHandler(
            forges: ForgeDirectory(endpoints: [endpoint], client: client),
            mirrors: MirrorCache(directory: session.cache.appending(path: "mirrors").path),
            engine: ReviewEngine(
                defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations()),
            templates: try CommentTemplates(), publication: PublicationSettings(), authorizer: CommandAuthorizer(),
            upgrades: UpgradeSetup(
                settings: UpgradeSettings(), http: CurlHTTPClient(), cache: DiskCache(folder: nil),
                deprecations: try BundledData.deprecations(), kubernetesVersion: ReleaseVersion("1.30")!,
                tagListLifetime: .zero))
        try await handler.handle(leased.record)
        #expect(
            Set(session.pullRequests.compactMap { $0["title"] as? String }) == [
                "Update cert-manager to v1.14.5", "Update api to 1.1.0",
            ])
    }

    @Test func theOutdatedChartsAndImagesAreKeptForTheDashboard() async throws {
        let session = try UpgradeSession()
        defer { session.shutdown() }
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-outdated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try SQLiteJobQueue(path: folder.appending(path: "queue.sqlite").path)
        var job = try session.job()
        job.history = ScanHistoryRecorder(history: queue, retention: ScanRetention())
        _ = try await job.run()

        let report = try #require(try await queue.outdated(forge: "github", repository: UpgradeSession.repository))
        #expect(report.commit == (try session.served("refs/heads/main")))
        let chart = try #require(report.dependencies.first { $0.kind == .chart && $0.name == "cert-manager" })
        #expect(chart.current == "v1.14.2" && chart.newestAllowed == "v1.14.5")
        #expect(chart.file == "infrastructure/cert-manager.yaml" && chart.line == 10 && chart.addOn == "cert-manager")
        let number = try #require(session.pullRequest(branch: Self.certManagerBranch)?["number"] as? Int)
        #expect(chart.pullRequest == number)
        #expect(report.dependencies.contains { $0.kind == .image && $0.addOn == "api" && $0.pullRequest != nil })
    }
}
