import Bot
import Forge
import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@Suite struct ForgeDirectoryTests {
    /// An installation event told the bot which installation covers the repository: no lookup.
    @Test func aRememberedInstallationIsUsedWithoutAskingGitHub() async throws {
        let forge = try TestForge(flavor: .github)
        defer { forge.shutdown() }
        let key = try OpenSSLTool.generateRSAKey()
        let publicKey = key.publicKey
        forge.state.addRepository(owner: "acme", name: "shop", cloneURL: "http://127.0.0.1/shop.git")
        forge.state.enableGitHubApp(appID: "4242", installationID: 77) { OpenSSLTool.verifiesRS256($0, publicKey: publicKey) }
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-directory-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try SQLiteJobQueue(path: folder.appending(path: "queue.sqlite").path)
        try await registry.remember(installation: 77, action: "created", repositories: [RepositoryID("acme/shop")!])

        let endpoint = ForgeEndpoint(kind: .github, apiRoot: forge.apiRoot,
                                     authentication: .gitHubApp(appID: "4242", privateKeyPEM: key.privateKey, installationID: nil, slug: nil))
        let directory = ForgeDirectory(endpoints: [endpoint], client: CurlHTTPClient(), installations: registry)
        let details = try await directory.forge(.github, repository: RepositoryID("acme/shop")!).repositoryDetails()
        #expect(details.defaultBranch == "main")
        let paths = forge.state.exchanges.map { "\($0.request.method) \($0.request.path)" }
        #expect(paths.contains("POST /app/installations/77/access_tokens"))
        #expect(!paths.contains("GET /repos/acme/shop/installation"))
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }
}
