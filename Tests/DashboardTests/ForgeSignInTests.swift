import Bot
import Forge
import Foundation
import HTTPKit
import Hummingbird
import Logging
import ShipshapeTesting
import Testing

@testable import Dashboard

/// The forge sign-in as a browser meets it, over HTTP against the stand-in forge: the redirect
/// with a state bound to a cookie, the callback, the session cookie's attributes, who is admin,
/// the read permission asked once and kept, expiry, tampering and sign-out.
@Suite struct ForgeSignInTests {
    static let secret = String(repeating: "s", count: 40)

    /// The stand-in (GitHub) with alice (admin on the list) and bob; acme/secret is private to alice.
    final class Setup: @unchecked Sendable {
        let forge: TestForge
        var clock = Date(timeIntervalSince1970: 1_800_000_000)
        let lock = NSLock()
        var signIn: ForgeSignIn!

        let logs = CapturedLogs()

        init(
            publicURL: String = "http://127.0.0.1:9/", flavor: TestForgeState.Flavor = .github,
            sessionLifetime: Duration = .seconds(3600)
        ) throws {
            forge = try TestForge(flavor: flavor)
            let kind: ForgeKind = flavor == .github ? .github : (flavor == .gitea ? .gitea : .gitlab)
            forge.state.addUser(login: "alice", token: "alice-pat", permission: "read")
            forge.state.addUser(login: "bob", token: "bob-pat", permission: "read")
            forge.state.addRepository(owner: "acme", name: "shop", cloneURL: "http://127.0.0.1/acme/shop.git")
            forge.state.addRepository(owner: "acme", name: "secret", cloneURL: "http://127.0.0.1/acme/secret.git")
            forge.state.setRepositoryAccess("acme/secret", isPrivate: true, roles: ["bob": "none"])
            let settings = DashboardSignInSettings(
                publicURL: URL(string: publicURL)!, sessionSecret: ForgeSignInTests.secret,
                sessionLifetime: sessionLifetime, permissionCacheLifetime: .seconds(300), admins: ["github:alice"],
                oauth: [kind: .init(clientID: "dash-id", clientSecret: "dash-secret")])
            forge.state.enableOAuth(
                clientID: "dash-id", clientSecret: "dash-secret", redirectURI: settings.callbackURL.absoluteString)
            let endpoint = ForgeEndpoint(kind: kind, apiRoot: forge.apiRoot, authentication: .token("bot"))
            signIn = ForgeSignIn(
                settings: settings, endpoints: [endpoint],
                client: CurlHTTPClient(configuration: .init(timeout: .seconds(600), maximumRedirects: 0)),
                templates: try DashboardTemplates(), logger: Logger(label: "test") { [logs] _ in logs },
                now: { [unowned self] in lock.withLock { clock } })
        }

        func advance(_ seconds: TimeInterval) { lock.withLock { clock += seconds } }

        /// Start, pick `login` on the forge's page, come back: the callback's answer and the
        /// cookie header the browser would now send.
        func signInAs(_ login: String, next: String = "/dashboard/repositories/github/acme/shop") async throws -> (
            SignInAnswer, String
        ) {
            let start = signIn.start(forge: nil, next: next)
            let attemptCookie = try #require(start.setCookies.first).components(separatedBy: ";")[0]
            let authorize = try #require(start.location.flatMap(URLComponents.init(string:)))
            var fields = (authorize.queryItems ?? []).map { ($0.name, $0.value ?? "") }
            fields.append(("login", login))
            var post = HTTPKit.HTTPRequest(
                method: .post,
                url: forge.baseURL.appending(
                    path: forge.state.flavor == .gitlab ? "oauth/authorize" : "login/oauth/authorize"),
                body: Data(FormEncoding.encode(fields).utf8))
            post.headers["Content-Type"] = "application/x-www-form-urlencoded"
            let back = try await CurlHTTPClient(configuration: .init(timeout: .seconds(600), maximumRedirects: 0)).send(
                post)
            let query = URLComponents(string: back.headers["Location"] ?? "")?.queryItems ?? []
            let answer = await signIn.callback(
                code: query.first { $0.name == "code" }?.value, state: query.first { $0.name == "state" }?.value,
                error: nil, cookieHeader: attemptCookie)
            let session = answer.setCookies.first { $0.hasPrefix(CookieJar.session + "=") }
            return (answer, session?.components(separatedBy: ";")[0] ?? "")
        }
    }

    @Test func aPersonSignsInAndComesBackToThePageTheyAskedFor() async throws {
        let setup = try Setup()
        defer { setup.forge.shutdown() }

        let start = setup.signIn.start(forge: nil, next: "/dashboard/repositories/github/acme/shop")
        let (answer, cookie) = try await setup.signInAs("alice")
        let viewer = await setup.signIn.viewer(cookieHeader: "other=1; " + cookie)

        #expect(start.status == 303)
        #expect(start.location?.contains("state=") == true)
        #expect(start.setCookies.first?.contains("HttpOnly; SameSite=Lax") == true)
        #expect(answer.status == 303)
        #expect(answer.location == "/dashboard/repositories/github/acme/shop")
        let sessionCookie = try #require(answer.setCookies.first { $0.hasPrefix("shipshape_session=") })
        #expect(sessionCookie.contains("Path=/dashboard; Max-Age=3600; HttpOnly; SameSite=Lax"))
        #expect(!sessionCookie.contains("Secure"))
        #expect(viewer?.login == "alice" && viewer?.forge == "github" && viewer?.isAdmin == true)
        #expect((viewer?.csrfToken.count ?? 0) >= 32)
        // The forge token is sealed: neither the cookie nor any answer carries it.
        for token in setup.forge.state.oauthTokens {
            #expect(!cookie.contains(token) && !(answer.html ?? "").contains(token))
            #expect(
                !(Base64URL.decode(Substring(cookie.split(separator: "=")[1].split(separator: ".")[0]))
                    .map { String(decoding: $0, as: UTF8.self) } ?? "").contains(token))
        }
        #expect(setup.forge.violations.isEmpty, "\(setup.forge.violations)")
    }

    @Test func theForgeDecidesWhatEachPersonReadsAskedOncePerSessionAndRepository() async throws {
        let setup = try Setup()
        defer { setup.forge.shutdown() }
        let alice = try #require(await setup.signIn.viewer(cookieHeader: try await setup.signInAs("alice").1))
        let bob = try #require(await setup.signIn.viewer(cookieHeader: try await setup.signInAs("bob").1))
        let asked = { setup.forge.state.exchanges.filter { $0.request.path == "/repos/acme/secret" }.count }

        #expect(await setup.signIn.canRead(alice, forge: "github", repository: "acme/secret"))
        #expect(await setup.signIn.canRead(alice, forge: "github", repository: "acme/secret"))
        #expect(asked() == 1)
        #expect(await !setup.signIn.canRead(bob, forge: "github", repository: "acme/secret"))
        #expect(await setup.signIn.canRead(bob, forge: "github", repository: "acme/shop"))
        #expect(await !setup.signIn.canRead(bob, forge: "gitlab", repository: "acme/shop"))
        #expect(bob.isAdmin == false)
        setup.advance(301)
        #expect(await setup.signIn.canRead(alice, forge: "github", repository: "acme/secret"))
        #expect(asked() == 3)
        #expect(setup.forge.violations.isEmpty, "\(setup.forge.violations)")
    }

    @Test func aSessionEndsWhenItExpiresIsTamperedWithOrSignedOut() async throws {
        let setup = try Setup()
        defer { setup.forge.shutdown() }
        let cookie = try await setup.signInAs("bob").1
        let viewer = try #require(await setup.signIn.viewer(cookieHeader: cookie))
        let value = String(cookie.dropFirst("shipshape_session=".count))
        let payload = try #require(Base64URL.decode(value.split(separator: ".")[0]))
        let forged = String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "\"bob\"", with: "\"alice\"")
        let tampered = "shipshape_session=" + Base64URL.encode(Data(forged.utf8)) + "." + value.split(separator: ".")[1]

        #expect(await setup.signIn.viewer(cookieHeader: tampered) == nil)
        #expect(setup.signIn.signOut(cookieHeader: cookie, csrf: "wrong").status == 403)
        let signedOut = setup.signIn.signOut(cookieHeader: cookie, csrf: viewer.csrfToken)
        #expect(signedOut.setCookies == ["shipshape_session=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Lax"])
        setup.advance(3601)
        #expect(await setup.signIn.viewer(cookieHeader: cookie) == nil)
    }

    /// Gitea's tokens last an hour and GitLab's two: the session ends a minute before its token
    /// does, so nobody is left signed in with a token the forge refuses (every repository would
    /// look hidden). Before, the session lasted its twelve hours whatever the token.
    @Test(arguments: [TestForgeState.Flavor.gitea, .gitlab])
    func aSessionEndsBeforeItsForgeTokenExpires(_ flavor: TestForgeState.Flavor) async throws {
        let setup = try Setup(flavor: flavor, sessionLifetime: .seconds(12 * 3600))
        defer { setup.forge.shutdown() }
        let lifetime = flavor == .gitea ? 3_540 : 7_140
        let (answer, cookie) = try await setup.signInAs("bob")

        #expect(
            answer.setCookies.contains { $0.hasPrefix("shipshape_session=") && $0.contains("Max-Age=\(lifetime);") })
        #expect(await setup.signIn.viewer(cookieHeader: cookie)?.login == "bob")
        setup.advance(TimeInterval(lifetime + 1))
        #expect(await setup.signIn.viewer(cookieHeader: cookie) == nil)
        #expect(setup.forge.violations.isEmpty, "\(setup.forge.violations)")
    }

    @Test func aCallbackWithoutItsAttemptOrWithAnotherStateIsRefused() async throws {
        let setup = try Setup()
        defer { setup.forge.shutdown() }
        let start = setup.signIn.start(forge: "github", next: nil)
        let attempt = try #require(start.setCookies.first).components(separatedBy: ";")[0]

        let noCookie = await setup.signIn.callback(code: "c", state: "s", error: nil, cookieHeader: nil)
        let otherState = await setup.signIn.callback(code: "c", state: "s", error: nil, cookieHeader: attempt)
        setup.advance(601)
        let state = URLComponents(string: start.location ?? "")?.queryItems?.first { $0.name == "state" }?.value
        let late = await setup.signIn.callback(code: "c", state: state, error: nil, cookieHeader: attempt)

        #expect(noCookie.status == 400 && otherState.status == 400 && late.status == 400)
        #expect(
            [noCookie, otherState, late].allSatisfy { $0.setCookies.allSatisfy { !$0.hasPrefix("shipshape_session") } })
    }

    @Test func cookiesAreSecureBehindHTTPSAndNextStaysOnTheDashboard() throws {
        let setup = try Setup(publicURL: "https://shipshape.example")
        defer { setup.forge.shutdown() }

        #expect(setup.signIn.start(forge: nil, next: nil).setCookies.first?.hasSuffix("; Secure") == true)
        for hostile in [
            "https://evil.example/", "//evil.example/dashboard", "/dashboard/../x\\", "/other", "/dashboard/sign-in",
        ] {
            #expect(SignInPaths.safeNext(hostile) == "/dashboard", "\(hostile)")
        }
        #expect(SignInPaths.safeNext("/dashboard/jobs?state=dead") == "/dashboard/jobs?state=dead")
    }

    /// The chooser and the failures are pages of the dashboard's templates, answered with the
    /// dashboard's headers: no script, no framing (the sign-out form could be clicked through a frame).
    @Test func theSignInsPagesAreTemplatesWithTheDashboardsHeaders() async throws {
        let setup = try Setup()
        defer { setup.forge.shutdown() }
        let chooser = setup.signIn.start(forge: "gitlab", next: "/dashboard/jobs?x=<b>")
        let failed = await setup.signIn.callback(code: "c", state: "s", error: nil, cookieHeader: nil)
        let cookie = try await setup.signInAs("bob").1
        let signOut = setup.signIn.signOutPage(cookieHeader: cookie)

        #expect(chooser.status == 200)
        #expect(
            chooser.html?.contains(
                "<a class=\"button\" href=\"/dashboard/sign-in?forge=github&amp;next=/dashboard/jobs%3Fx%3D%3Cb%3E\">"
                    + "Sign in with GitHub</a>") == true)
        #expect(failed.status == 400 && failed.html?.contains("<h1>Sign-in failed</h1>") == true)
        #expect(signOut.html?.contains("Signed in as bob (github).") == true)
        #expect(signOut.html?.contains("<form method=\"post\" action=\"/dashboard/sign-out\">") == true)
        for answer in [chooser, failed, signOut] {
            #expect(answer.html?.hasPrefix("<!DOCTYPE html>") == true)
            let headers = ForgeSignIn.response(answer).headers
            #expect(headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(headers[.xContentTypeOptions] == "nosniff" && headers[.cacheControl] == "no-store")
        }
    }

    /// What the sign-in logs (a sign-in, a refused code, a forge that fails to answer) names
    /// people and forges, never a token, a code or a secret.
    @Test func theLogsCarryNoTokenCodeOrSecret() async throws {
        let setup = try Setup()
        defer { setup.forge.shutdown() }
        let viewer = try #require(await setup.signIn.viewer(cookieHeader: try await setup.signInAs("alice").1))
        let start = setup.signIn.start(forge: nil, next: nil)
        let attempt = try #require(start.setCookies.first).components(separatedBy: ";")[0]
        let state = URLComponents(string: start.location ?? "")?.queryItems?.first { $0.name == "state" }?.value
        setup.forge.state.inject(.status(500), matching: "GET /repos/acme/secret")

        let refused = await setup.signIn.callback(
            code: "code-never-issued", state: state, error: nil, cookieHeader: attempt)
        let unanswered = await setup.signIn.canRead(viewer, forge: "github", repository: "acme/secret")

        #expect(refused.status == 502 && !unanswered)
        let text = setup.logs.lines.joined(separator: "\n")
        #expect(text.contains("alice signed in") && text.contains("bad_verification_code") && text.contains("500"))
        for secret in setup.forge.state.oauthTokens + [
            "dash-secret", ForgeSignInTests.secret, "code-never-issued", viewer.csrfToken,
        ] {
            #expect(!text.contains(secret), "\(secret) in \(text)")
        }
    }
}

/// Every log line, with its metadata, in memory.
final class CapturedLogs: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var lines: [String] { lock.withLock { recorded } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { recorded.append("\(event.level) \(event.message) \(event.metadata ?? [:])") }
    }
}
