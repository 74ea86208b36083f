import Bot
import Forge
import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@Suite struct ForgeDirectoryTests {
    /// A GitHub stand-in with acme/shop and App 4242 installed as 77, and the App's private key.
    static func appForge(slug: String = "shipshape") throws -> (TestForge, privateKey: String) {
        let forge = try TestForge(flavor: .github)
        let key = try OpenSSLTool.generateRSAKey()
        let publicKey = key.publicKey
        forge.state.addRepository(owner: "acme", name: "shop", cloneURL: "http://127.0.0.1/shop.git")
        forge.state.enableGitHubApp(appID: "4242", installationID: 77, slug: slug) {
            OpenSSLTool.verifiesRS256($0, publicKey: publicKey)
        }
        return (forge, key.privateKey)
    }

    /// An installation event told the bot which installation covers the repository: no lookup.
    @Test func aRememberedInstallationIsUsedWithoutAskingGitHub() async throws {
        let (forge, privateKey) = try Self.appForge()
        defer { forge.shutdown() }
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-directory-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try SQLiteJobQueue(path: folder.appending(path: "queue.sqlite").path)
        try await registry.remember(installation: 77, action: "created", repositories: [RepositoryID("acme/shop")!])

        let endpoint = ForgeEndpoint(
            kind: .github, apiRoot: forge.apiRoot,
            authentication: .gitHubApp(appID: "4242", privateKeyPEM: privateKey, installationID: nil, slug: nil))
        let directory = ForgeDirectory(endpoints: [endpoint], client: CurlHTTPClient(), installations: registry)
        let details = try await directory.forge(.github, repository: RepositoryID("acme/shop")!).repositoryDetails()
        #expect(details.defaultBranch == "main")
        let paths = forge.state.exchanges.map { "\($0.request.method) \($0.request.path)" }
        #expect(paths.contains("POST /app/installations/77/access_tokens"))
        #expect(!paths.contains("GET /repos/acme/shop/installation"))
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }

    /// Issue 15: an installation token is kept across jobs until shortly before it expires (one
    /// was bought per job). Issue 23: without a configured slug the App's login comes from
    /// GitHub's "Get the authenticated app" (GET /app), asked once, not assumed `shipshape[bot]`.
    @Test func jobsShareTheInstallationTokenAndTheAppsLoginIsAskedOnce() async throws {
        let (forge, privateKey) = try Self.appForge(slug: "acme-reviewer")
        defer { forge.shutdown() }
        let endpoint = ForgeEndpoint(
            kind: .github, apiRoot: forge.apiRoot,
            authentication: .gitHubApp(appID: "4242", privateKeyPEM: privateKey, installationID: 77, slug: nil))
        let directory = ForgeDirectory(endpoints: [endpoint], client: CurlHTTPClient())

        var logins: [String] = []
        for _ in 1...3 {
            let job = try await directory.forge(.github, repository: RepositoryID("acme/shop")!)
            _ = try await job.repositoryDetails()
            logins.append(try await job.botLogin())
        }

        #expect(logins == Array(repeating: "acme-reviewer[bot]", count: 3))
        let paths = forge.state.exchanges.map { "\($0.request.method) \($0.request.path)" }
        #expect(paths.filter { $0 == "POST /app/installations/77/access_tokens" }.count == 1)
        #expect(paths.filter { $0 == "GET /app" }.count == 1)
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }
}
