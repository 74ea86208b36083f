import Bot
import Forge
import Foundation
import HTTPKit
import Hummingbird
import Server
import ServiceLifecycle
import ShipshapeTesting
import Testing

@testable import Dashboard

/// The dashboard in a real browser (Debian's headless Chromium), served by the bot's HTTP server
/// with a SQLite queue, people signing in through the OAuth pages of the stand-in GitHub, Gitea and
/// GitLab: alice (an admin) sees both repositories and retries a dead job; bob, who has no role on
/// the private acme/secret, gets 404 for it and sees it in no list. Screenshots of each page are
/// written to `.build/test-output/dashboard-browser/<forge>/` (or under `$SHIPSHAPE_TEST_OUTPUT`).
/// One forge at a time: a browser each at once would be three on a two-core machine.
@Suite(.serialized) struct DashboardBrowserTests {
    @Test(arguments: [ForgeKind.github, .gitea, .gitlab])
    func peopleSignInThroughTheForgeAndSeeOnlyWhatTheyMayRead(_ kind: ForgeKind) async throws {
        let output = TestOutput.folder("dashboard-browser").appending(path: kind.rawValue)
        let site = try await RunningDashboard(kind)
        defer { site.forge.shutdown() }
        let browser = try await HeadlessBrowser(width: 1200, height: 900)
        defer { browser.close() }
        let forge = kind.rawValue
        let authorizePage =
            site.forge.baseURL.absoluteString + (kind == .gitlab ? "/oauth" : "/login/oauth")
            + "/authorize?"

        // alice: the overview sends her to the forge, she picks herself, and comes back to it.
        let alice = try await browser.newPage(isolated: true)
        try await alice.open(site.base.appending(path: "dashboard"))
        #expect(try await alice.url().hasPrefix(authorizePage))
        try await alice.screenshot(to: output.appending(path: "1-forge-sign-in.png"))
        let overview = try await alice.click("#as-alice")
        let overviewText = try await alice.text()
        try await alice.screenshot(to: output.appending(path: "2-overview.png"))

        #expect(overview == 200)
        #expect(try await alice.url() == site.base.appending(path: "dashboard").absoluteString)
        #expect(overviewText.contains("\(forge):acme/shop") && overviewText.contains("\(forge):acme/secret"))
        #expect(overviewText.contains("alice (\(forge)) · admin"))
        let session = try #require(try await alice.cookies().first { $0["name"] as? String == "shipshape_session" })
        #expect(session["httpOnly"] as? Bool == true && session["sameSite"] as? String == "Lax")
        #expect(!(try await alice.scriptVisibleCookies()).contains("shipshape_session"))

        let repository = try await alice.open(site.base.appending(path: "dashboard/repositories/\(forge)/acme/shop"))
        let repositoryText = try await alice.text()
        try await alice.screenshot(to: output.appending(path: "3-repository.png"))
        #expect(repository == 200)
        #expect(repositoryText.contains("runAsPrivileged") && repositoryText.contains("apps/web/deployment.yaml"))
        #expect(try await alice.html().contains(site.forge.baseURL.absoluteString + "/acme/shop/"), "forge links")

        try await alice.open(site.base.appending(path: "dashboard/jobs"))
        #expect(try await alice.text().contains("registry.example answered 503"))
        try await alice.screenshot(to: output.appending(path: "4-jobs.png"))
        let retried = try await alice.click("form[action=\"/dashboard/jobs/\(site.deadShopJob)/retry\"] button")
        let notice = try await alice.text()
        try await alice.screenshot(to: output.appending(path: "5-jobs-after-retry.png"))
        #expect(retried == 200)
        #expect(notice.contains("The job is pending again"))
        #expect(try await site.queue.job(id: site.deadShopJob)?.state == .pending)

        // bob, in a browser of his own: acme/secret is nowhere for him, and 404 by its address.
        let bob = try await browser.newPage(isolated: true)
        try await bob.open(site.base.appending(path: "dashboard"))
        try await bob.click("#as-bob")
        let bobOverview = try await bob.text()
        try await bob.screenshot(to: output.appending(path: "6-overview-without-secret.png"))
        let hidden = try await bob.open(site.base.appending(path: "dashboard/repositories/\(forge)/acme/secret"))
        let hiddenText = try await bob.text()
        try await bob.screenshot(to: output.appending(path: "7-not-found.png"))
        try await bob.open(site.base.appending(path: "dashboard/jobs"))
        let bobJobs = try await bob.text()

        #expect(bobOverview.contains("\(forge):acme/shop") && !bobOverview.contains("acme/secret"))
        #expect(hidden == 404)
        #expect(hiddenText.contains("Not found") && !hiddenText.contains("secret"))
        #expect(!bobJobs.contains("acme/secret") && !bobJobs.contains("Retry"))

        // bob signs out through the form; the overview then sends him to the forge again.
        try await bob.open(site.base.appending(path: "dashboard/sign-out"))
        try await bob.click("form[action=\"/dashboard/sign-out\"] button")
        try await bob.open(site.base.appending(path: "dashboard"))
        #expect(try await bob.url().hasPrefix(authorizePage))

        // No forge token and no secret in any page either saw.
        var pages = [try await alice.html(), try await bob.html()]
        for path in ["dashboard", "dashboard/jobs", "dashboard/repositories/\(forge)/acme/shop"] {
            try await alice.open(site.base.appending(path: path))
            pages.append(try await alice.html())
        }
        for secret in site.forge.state.oauthTokens + [RunningDashboard.sessionSecret, "dash-secret"] {
            #expect(!pages.contains { $0.contains(secret) })
        }
        #expect(site.forge.violations.isEmpty, "\(site.forge.violations)")
        await site.stop()
    }
}

/// The bot's server with the dashboard on a loopback port, its SQLite queue seeded with scans of
/// acme/shop and acme/secret and a dead job of each, and the stand-in forge of `kind` with alice
/// (admin), bob (no role on the private acme/secret) and the dashboard's OAuth application.
final class RunningDashboard: @unchecked Sendable {
    static let sessionSecret = String(repeating: "d", count: 48)
    let forge: TestForge
    let queue: SQLiteJobQueue
    let folder: URL
    private(set) var base = URL(string: "http://127.0.0.1")!
    private(set) var deadShopJob: Int64 = 0
    private var task: Task<Void, any Error>?
    private let late = LateSignIn()

    let kind: ForgeKind

    init(_ kind: ForgeKind) async throws {
        self.kind = kind
        let flavor: TestForgeState.Flavor =
            switch kind {
            case .github: .github
            case .gitea: .gitea
            case .gitlab: .gitlab
            }
        forge = try TestForge(flavor: flavor)
        forge.state.addUser(login: "alice", token: "alice-pat", permission: "write")
        forge.state.addUser(login: "bob", token: "bob-pat", permission: "read")
        for name in ["shop", "secret"] {
            forge.state.addRepository(owner: "acme", name: name, cloneURL: "http://127.0.0.1/acme/\(name).git")
        }
        forge.state.setRepositoryAccess("acme/secret", isPrivate: true, roles: ["bob": "none"])
        folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-dashboard-\(UUID().uuidString)")
        queue = try SQLiteJobQueue(
            path: folder.appending(path: "queue.sqlite").path, settings: QueueSettings(maximumAttempts: 1))
        try await seed()
        let endpoint = ForgeEndpoint(kind: kind, apiRoot: forge.apiRoot, authentication: .token("bot-token"))
        let pages = DashboardPages(
            access: late, database: queue, forges: [endpoint], templates: try DashboardTemplates())
        let server = WebhookServer(
            settings: ServerSettings(host: "127.0.0.1", port: 0),
            intake: WebhookIntake(
                secrets: WebhookSecrets([kind: "hook"]), routing: EventRouting(), queue: queue, installations: queue),
            metrics: ServerMetrics(), dashboard: DashboardSite(pages: pages, routeProviders: [late]))
        let ports = AsyncStream<Int>.makeStream()
        task = Task { try await server.service { ports.continuation.yield($0) }.run() }
        for await port in ports.stream {
            base = URL(string: "http://127.0.0.1:\(port)")!
            break
        }
        // The public address is known now that the server listens.
        let settings = DashboardSignInSettings(
            publicURL: base, sessionSecret: Self.sessionSecret, admins: ["alice"],
            oauth: [kind: .init(clientID: "dash-id", clientSecret: "dash-secret")])
        forge.state.enableOAuth(
            clientID: "dash-id", clientSecret: "dash-secret", redirectURI: settings.callbackURL.absoluteString)
        late.current = ForgeSignIn(
            settings: settings, endpoints: [endpoint], client: CurlHTTPClient(),
            templates: try DashboardTemplates())
    }

    private func seed() async throws {
        let finding = { (check: String, severity: ScanFinding.Severity, line: Int) in
            ScanFinding(
                check: check, severity: severity, category: "Security", file: "apps/web/deployment.yaml", line: line,
                namespace: "web", object: "Deployment/web", message: "\(check) at line \(line)")
        }
        for (day, count) in [(3, 4), (2, 3), (1, 2)] {
            try await queue.record(
                ScanRecord(
                    forge: kind.rawValue, repository: "acme/shop", commit: String(repeating: "\(day)", count: 40),
                    scannedAt: Date(timeIntervalSinceNow: -Double(day) * 86_400), objectsChecked: 6, checksRun: 30,
                    findings: [finding("runAsPrivileged", .danger, 21)]
                        + (0..<count).map { finding("cpuLimitsMissing", .warning, 30 + $0) }),
                retention: ScanRetention())
        }
        try await queue.record(
            ScanRecord(
                forge: kind.rawValue, repository: "acme/secret", commit: String(repeating: "e", count: 40),
                scannedAt: Date(timeIntervalSinceNow: -3_600), objectsChecked: 2, checksRun: 30,
                findings: [finding("hostNetworkSet", .danger, 9)]),
            retention: ScanRetention())
        deadShopJob = try await deadJob("acme/shop", error: "registry.example answered 503")
        _ = try await deadJob("acme/secret", error: "the secret repository's clone failed")
    }

    private func deadJob(_ repository: String, error: String) async throws -> Int64 {
        let payload = JobPayload(
            forge: kind, repository: RepositoryID(repository)!, work: .scan(headSHA: nil, ref: nil))
        guard case .stored(let id) = try await queue.enqueue(NewJob(kind: .scan, payload: payload.encoded())),
            let leased = try await queue.lease(owner: "test", for: .seconds(60), kinds: [.scan])
        else { throw FixtureError("the \(repository) job was not stored") }
        _ = try await queue.fail(leased, error: error, retryAfter: nil)
        return id
    }

    func stop() async {
        task?.cancel()
        _ = await task?.result
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The sign-in, made once the server's port (and so the dashboard's public address) is known.
final class LateSignIn: DashboardAccess, DashboardRouteProvider, @unchecked Sendable {
    private let lock = NSLock()
    private var signIn: ForgeSignIn?

    var current: ForgeSignIn? {
        get { lock.withLock { signIn } }
        set { lock.withLock { signIn = newValue } }
    }

    func viewer(cookieHeader: String?) async -> DashboardViewer? { await current?.viewer(cookieHeader: cookieHeader) }

    func canRead(_ viewer: DashboardViewer, forge: String, repository: String) async -> Bool {
        await current?.canRead(viewer, forge: forge, repository: repository) ?? false
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        ForgeSignIn.addRoutes(to: router) { [self] in current! }
    }
}
