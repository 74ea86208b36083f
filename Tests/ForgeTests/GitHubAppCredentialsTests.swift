import Foundation
import HTTPKit
import JSONKit
import ShipshapeTesting
import Testing

@testable import Forge

/// Installation tokens against the stand-in forge: bought with a JWT that OpenSSL verifies,
/// reused while they are fresh, bought again five minutes before they expire.
@Suite struct GitHubAppCredentialsTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var current: Date
        init(_ date: Date) { current = date }
        var now: Date { lock.withLock { current } }
        func set(_ date: Date) { lock.withLock { current = date } }
    }

    @Test func theInstallationTokenIsCachedUntilShortlyBeforeItExpires() async throws {
        let forge = try TestForge(flavor: .github)
        defer { forge.shutdown() }
        let key = try OpenSSLTool.generateRSAKey()
        let publicKey = key.publicKey
        forge.state.addRepository(owner: "acme", name: "shop", cloneURL: "http://127.0.0.1/shop.git")
        forge.state.enableGitHubApp(appID: "4242", installationID: 77) {
            OpenSSLTool.verifiesRS256($0, publicKey: publicKey)
        }
        let clock = Clock(Date(timeIntervalSince1970: 1_735_689_600))
        let credentials = GitHubAppCredentials(
            jwt: try GitHubAppJWT(appID: "4242", privateKeyPEM: key.privateKey), installationID: nil,
            repository: RepositoryID("acme/shop")!, apiRoot: forge.apiRoot,
            client: CurlHTTPClient(), now: { clock.now })
        let first = try await credentials.installationToken()
        #expect(try await credentials.installationToken() == first)
        let bought = forge.state.exchanges.filter { $0.request.path.hasSuffix("/access_tokens") }
        #expect(bought.count == 1)
        #expect(
            forge.state.exchanges.contains { $0.request.path == "/repos/acme/shop/installation" },
            "the installation was looked up")

        let answer = try JSONValue(jsonData: try #require(bought.first?.responseBody))
        let expires = try #require(answer["expires_at"]?.stringValue.flatMap { try? Date($0, strategy: .iso8601) })
        clock.set(expires.addingTimeInterval(-400))
        #expect(try await credentials.installationToken() == first, "still more than five minutes left")
        clock.set(expires.addingTimeInterval(-200))
        let renewed = try await credentials.installationToken()
        #expect(renewed != first)
        #expect(forge.state.exchanges.filter { $0.request.path.hasSuffix("/access_tokens") }.count == 2)
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }

    @Test func aJWTFromTheWrongKeyIsRefused() async throws {
        let forge = try TestForge(flavor: .github)
        defer { forge.shutdown() }
        let registered = try OpenSSLTool.generateRSAKey()
        let other = try OpenSSLTool.generateRSAKey()
        let publicKey = registered.publicKey
        forge.state.enableGitHubApp(appID: "4242", installationID: 77) {
            OpenSSLTool.verifiesRS256($0, publicKey: publicKey)
        }
        let credentials = GitHubAppCredentials(
            jwt: try GitHubAppJWT(appID: "4242", privateKeyPEM: other.privateKey), installationID: 77,
            repository: RepositoryID("acme/shop")!, apiRoot: forge.apiRoot, client: CurlHTTPClient())
        let error = await #expect(throws: ForgeError.self) { _ = try await credentials.installationToken() }
        #expect(error?.statusCode == 401)
    }
}
