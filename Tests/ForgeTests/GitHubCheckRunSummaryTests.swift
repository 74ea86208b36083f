import HTTPKit
import ShipshapeTesting
import Testing

@testable import Forge

/// checks/create (docs.github.com/en/rest/checks/runs): `output.summary` takes at most 65,535
/// characters; a longer one is refused with 422 and the verdict is lost.
@Suite struct GitHubCheckRunSummaryTests {
    @Test func aLongSummaryIsCutToWhatGitHubTakes() async throws {
        let standIn = try StandInRepository(.github, bot: "shipshape")
        defer { standIn.forge.shutdown() }
        let credentials = GitHubAppCredentials(
            jwt: try GitHubAppJWT(appID: "4242", privateKeyPEM: try standIn.installApp()), installationID: 77,
            repository: RepositoryID("acme/shop")!, apiRoot: standIn.forge.apiRoot, client: CurlHTTPClient())
        let client = GitHubForge(
            repository: RepositoryID("acme/shop")!, apiRoot: standIn.forge.apiRoot, client: CurlHTTPClient(),
            credentials: credentials)
        let sha = String(repeating: "c", count: 40)
        let summary = String(
            repeating: "- `runAsRootAllowed` apps/shop/web.yaml: the container may run as root\n", count: 1_000)

        try await client.publish(
            CommitCheck(
                name: "shipshape", headSHA: sha, conclusion: .failure, title: "1,000 problems", summary: summary))

        let output = try #require(
            standIn.forge.state.checkRuns(repository: "acme/shop", sha: sha).first?["output"] as? [String: Any])
        let published = try #require(output["summary"] as? String)
        #expect(published.utf16.count <= 65_535)
        #expect(published.hasPrefix(String(summary.prefix(1_000))))
        #expect(published.hasSuffix("the pull request's summary comment has the rest)"))
        #expect(standIn.forge.violations.isEmpty, "\(standIn.forge.violations)")
    }
}
