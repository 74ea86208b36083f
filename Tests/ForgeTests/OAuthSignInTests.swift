import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@testable import Forge

/// The dashboard's sign-in against the stand-in's OAuth endpoints, held to each forge's
/// documented flow (`OAuthContract`): authorize, code, token, who, and may they read.
@Suite struct OAuthSignInTests {
    static let redirect = "https://dashboard.example/dashboard/oauth/callback"

    /// The stand-in with acme/shop open to all, acme/secret private (alice writes, carol reads,
    /// bob has no role), and an OAuth app.
    private func forge(_ flavor: TestForgeState.Flavor) throws -> TestForge {
        let forge = try TestForge(flavor: flavor)
        forge.state.addUser(login: "alice", token: "alice-pat", permission: "write")
        forge.state.addUser(login: "bob", token: "bob-pat", permission: "read")
        forge.state.addUser(login: "carol", token: "carol-pat", permission: "read")
        forge.state.addRepository(owner: "acme", name: "shop", cloneURL: "http://127.0.0.1/acme/shop.git")
        forge.state.addRepository(owner: "acme", name: "secret", cloneURL: "http://127.0.0.1/acme/secret.git")
        forge.state.setRepositoryAccess("acme/secret", isPrivate: true, roles: ["bob": "none"])
        forge.state.enableOAuth(clientID: "dashboard-id", clientSecret: "dashboard-secret", redirectURI: Self.redirect)
        return forge
    }

    private func signIn(_ forge: TestForge, secret: String = "dashboard-secret") -> any OAuthSignIn {
        let endpoint = ForgeEndpoint(
            kind: ForgeKind(forge.state.flavor), apiRoot: forge.apiRoot, authentication: .token(""))
        return endpoint.oauthSignIn(
            application: OAuthApplication(
                clientID: "dashboard-id", clientSecret: secret, redirectURI: URL(string: Self.redirect)!),
            client: CurlHTTPClient(configuration: .init(timeout: .seconds(600), maximumRedirects: 0)))
    }

    /// What a browser does between the two: open the authorize page, choose `login`, and come
    /// back with the code and state of the redirect.
    private func authorize(_ url: URL, as login: String) async throws -> (code: String, state: String) {
        let client = CurlHTTPClient(configuration: .init(timeout: .seconds(600), maximumRedirects: 0))
        let page = try await client.send(HTTPRequest(url: url))
        #expect(page.status == 200)
        #expect(String(decoding: page.body, as: UTF8.self).contains("Sign in as \(login)"))
        let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let fields = query.map { ($0.name, $0.value ?? "") } + [("login", login)]
        var post = HTTPRequest(method: .post, url: url, body: Data(FormEncoding.encode(fields).utf8))
        post.url = URL(string: url.absoluteString.components(separatedBy: "?")[0])!
        post.headers["Content-Type"] = "application/x-www-form-urlencoded"
        let back = try await client.send(post)
        #expect(back.status == 302)
        let location = URLComponents(string: back.headers["Location"] ?? "")
        #expect(location?.path == "/dashboard/oauth/callback")
        let items = Dictionary(uniqueKeysWithValues: (location?.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        return (items["code"] ?? "", items["state"] ?? "")
    }

    @Test(arguments: [TestForgeState.Flavor.github, .gitea, .gitlab])
    func aSignedInUserReadsWhatTheForgeLetsThemRead(_ flavor: TestForgeState.Flavor) async throws {
        let forge = try forge(flavor)
        defer { forge.shutdown() }
        let flow = signIn(forge)

        let (code, state) = try await authorize(flow.authorizeURL(state: "state-1234"), as: "bob")
        let exchanged = try await flow.exchange(code: code)
        let token = exchanged.value
        #expect(exchanged.expiresIn == [.github: nil, .gitea: 3600, .gitlab: 7200][flavor] ?? 0)

        #expect(state == "state-1234")
        #expect(try await flow.signedInUser(token: token).login == "bob")
        #expect(try await flow.canRead(repository: RepositoryID("acme/shop")!, token: token))
        #expect(try await !flow.canRead(repository: RepositoryID("acme/secret")!, token: token))
        #expect(try await !flow.canRead(repository: RepositoryID("acme/missing")!, token: token))
        let alice = try await flow.exchange(code: authorize(flow.authorizeURL(state: "s"), as: "alice").code).value
        #expect(try await flow.canRead(repository: RepositoryID("acme/secret")!, token: alice))
        // GitLab's Guest (the stand-in's "read") sees a private project but not its code.
        let carol = try await flow.exchange(code: authorize(flow.authorizeURL(state: "s"), as: "carol").code).value
        #expect(try await flow.canRead(repository: RepositoryID("acme/secret")!, token: carol) == (flavor != .gitlab))
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }

    /// A code is good once, and only with the application's own secret; the refusal names the
    /// forge's reason and neither the code nor the secret.
    @Test(arguments: [TestForgeState.Flavor.github, .gitea, .gitlab])
    func aCodeIsRefusedTheSecondTimeAndWithAnotherSecret(_ flavor: TestForgeState.Flavor) async throws {
        let forge = try forge(flavor)
        defer { forge.shutdown() }
        let flow = signIn(forge)
        let (code, _) = try await authorize(flow.authorizeURL(state: "s"), as: "alice")

        await #expect(throws: ForgeError.self) { try await signIn(forge, secret: "wrong").exchange(code: code) }
        _ = try await flow.exchange(code: code)
        let again = await #expect(throws: ForgeError.self) { try await flow.exchange(code: code) }

        let message = "\(again.map { "\($0)" } ?? "")"
        #expect(message.contains(flavor == .github ? "bad_verification_code" : "invalid_grant"))
        #expect(!message.contains(code) && !message.contains("dashboard-secret"))
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }

    /// The authorize page is on the web host, not the API: github.com for api.github.com.
    @Test func theAuthorizePageIsOnTheWebHost() throws {
        let application = OAuthApplication(
            clientID: "id", clientSecret: "s", redirectURI: URL(string: Self.redirect)!)
        let cases: [(ForgeKind, String, String)] = [
            (.github, "https://api.github.com", "https://github.com/login/oauth/authorize"),
            (.github, "https://ghe.example/api/v3", "https://ghe.example/login/oauth/authorize"),
            (.gitea, "https://gitea.example/api/v1", "https://gitea.example/login/oauth/authorize"),
            (.gitlab, "https://gitlab.example/api/v4", "https://gitlab.example/oauth/authorize"),
        ]
        for (kind, api, expected) in cases {
            let endpoint = ForgeEndpoint(kind: kind, apiRoot: URL(string: api)!, authentication: .token(""))
            let url = endpoint.oauthSignIn(application: application, client: CurlHTTPClient())
                .authorizeURL(state: "abc")
            #expect(url.absoluteString.hasPrefix(expected + "?client_id=id&"), "\(url)")
            #expect(url.query?.contains("state=abc") == true)
        }
    }
}

extension ForgeKind {
    init(_ flavor: TestForgeState.Flavor) {
        switch flavor {
        case .github: self = .github
        case .gitea: self = .gitea
        case .gitlab: self = .gitlab
        }
    }
}
