import Bot
import Forge
import Foundation
import HTTPKit
import Server
import ShipshapeTesting
import Testing
import Vulnerabilities

/// The dashboard as `shipshape serve` makes it from a configuration a person wrote: `dashboard:`
/// with its sign-in, `vulnerabilities:` with an advisory database, `events.scanDefaultBranch`. A
/// signed push to the default branch is scanned by the service's own worker, which reads the
/// image it pins from a real `docker-registry`; alice signs in through the stand-in GitHub and the
/// repository page shows that image's vulnerabilities from what the scan stored.
@Suite struct DashboardServiceTests {
    static let environment = [
        "TOKEN": ForgeSession.botToken, "HOOK": WorkerCrashTests.secret, "SESSION": String(repeating: "k", count: 40),
        "OAUTH": "dash-secret",
    ]

    static func configuration(_ session: ForgeSession, port: Int, extra: String = "") -> String {
        """
        server: {host: 127.0.0.1, port: \(port)}
        queue: {sqlite: \(session.cache.path)/queue.sqlite}
        workers: 1
        cacheDir: \(session.cache.path)/cache
        events: {scanDefaultBranch: true}
        forges:
          github:
            url: \(session.forge.baseURL.absoluteString)
            token: {env: TOKEN}
            webhookSecret: {env: HOOK}
        vulnerabilities:
          advisories: \(session.cache.path)/advisories.sqlite
        dashboard:
          publicURL: http://127.0.0.1:\(port)
          sessionSecret: {env: SESSION}
          admins: [alice]
          oauth:
            github: {clientId: dash-id, clientSecret: {env: OAUTH}}
        \(extra)
        """
    }

    @Test func theRepositoryPageShowsTheImagesTheServicesBranchScanStored() async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try VulnerableImages.pushWeb(to: registry)
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([
            "apps/shop/web.yaml": VulnerableImages.deployment("web", image: "\(registry.host)/team/web:1.1")
        ])
        try FileManager.default.createDirectory(at: session.cache, withIntermediateDirectories: true)
        // The advisories an operator imported beforehand (`scan-images --import`).
        let archive = try VulnerableImages.advisoryArchive()
        defer { try? FileManager.default.removeItem(at: archive) }
        _ = try await OSVExportImporter(http: CurlHTTPClient()).importExport(
            from: archive.path, into: try AdvisoryDatabase(path: session.cache.path + "/advisories.sqlite"), now: Date()
        )
        let port = try freePort()
        let base = "http://127.0.0.1:\(port)"
        session.forge.state.enableOAuth(
            clientID: "dash-id", clientSecret: "dash-secret", redirectURI: base + "/dashboard/oauth/callback")
        let configuration = try BotConfigurationReader.read(
            text: Self.configuration(session, port: port), file: "shipshape.yaml", environment: Self.environment)
        let queue = try SQLiteJobQueue(path: session.cache.path + "/queue.sqlite")
        let service = Task { try await BotService(configuration: configuration, queue: queue).run() }
        defer { service.cancel() }
        try await WorkerCrashTests.waitForHealth(port: port)

        let push = try GitHubDeliveries.push(ref: "refs/heads/main", after: session.scenario.headSHA)
        #expect(try await WorkerCrashTests.deliver(event: "push", body: push, port: port) == 202)
        try await ServiceEndToEndTests.idle(queue)
        #expect(try await queue.depth()[.done] == 1, "the scan ran")

        let cookie = try await Self.signIn(as: "alice", base: base, forge: session.forge)
        let page = try await Self.client.send(
            HTTPRequest(
                url: URL(string: base + "/dashboard/repositories/github/acme/shop")!, headers: ["Cookie": cookie]))
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(page.status == 200)
        #expect(html.contains("<h2 id=\"images\">Vulnerable images</h2>"))
        #expect(html.contains("From the image scan of <code>\(session.scenario.headSHA.prefix(12))</code>"))
        #expect(html.contains("<code>\(registry.host)/team/web:1.1</code>"))
        #expect(html.contains("<td>ALPINE-CVE-2024-5535</td><td>libcrypto3</td>"))
        #expect(html.contains("<td>ALPINE-CVE-2023-42363</td><td>busybox</td>"))
        #expect(
            html.contains(
                "/acme/shop/blob/\(session.scenario.headSHA)/apps/shop/web.yaml#L9\">apps/shop/web.yaml:9</a>"))
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
        service.cancel()
        _ = await service.result
    }

    /// A `dashboard.templates` folder whose header includes a partial no file provides: the service
    /// does not start, and says which template is missing and which file uses it.
    @Test func aTemplatesFolderThatCannotBeUsedStopsTheStart() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        let pages = session.cache.appending(path: "pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try "<header>{{> banner}}</header>".write(
            to: pages.appending(path: "header.mustache"), atomically: true, encoding: .utf8)
        let configuration = try BotConfigurationReader.read(
            text: Self.configuration(session, port: try freePort(), extra: "  templates: \(pages.path)"),
            file: "shipshape.yaml", environment: Self.environment)
        let queue = try SQLiteJobQueue(path: session.cache.path + "/queue.sqlite")

        await #expect {
            try await BotService(configuration: configuration, queue: queue).run()
        } throws: { error in
            "\(error)"
                == "dashboard.templates: dashboard template banner.mustache is missing: "
                + "\(pages.path)/header.mustache uses it as {{> banner}} in header"
        }
    }

    static let client = CurlHTTPClient(configuration: .init(timeout: .seconds(600), maximumRedirects: 0))

    /// What a browser does: the dashboard sends it to the forge with a state cookie, the person
    /// picks `login` there, the forge sends it back; the session cookie the callback set.
    static func signIn(as login: String, base: String, forge: TestForge) async throws -> String {
        let start = try await client.send(HTTPRequest(url: URL(string: base + "/dashboard/sign-in")!))
        let attempt = try #require(start.headers["Set-Cookie"]).components(separatedBy: ";")[0]
        let authorize = try #require(start.headers["Location"].flatMap(URLComponents.init(string:)))
        let fields = (authorize.queryItems ?? []).map { ($0.name, $0.value ?? "") } + [("login", login)]
        var grant = HTTPRequest(
            method: .post, url: forge.baseURL.appending(path: "login/oauth/authorize"),
            body: Data(FormEncoding.encode(fields).utf8))
        grant.headers["Content-Type"] = "application/x-www-form-urlencoded"
        let back = try #require(try await client.send(grant).headers["Location"])
        let callback = try await client.send(HTTPRequest(url: URL(string: back)!, headers: ["Cookie": attempt]))
        let session = callback.headers.values("Set-Cookie").first { $0.hasPrefix("shipshape_session=") }
        return try #require(session).components(separatedBy: ";")[0]
    }
}
