import ShipshapeTesting
import Testing

@testable import Forge

/// GitLab writes its `Link` headers with its configured `external_url` and Gitea with its
/// `ROOT_URL`, not with the host a request came to: a bot that reaches the API on an internal
/// host name gets next-page links to the public one. It asks for the next page on the address
/// it was configured with, so no page is lost and the token goes nowhere else.
@Suite struct ExternalURLPaginationTests {
    @Test(arguments: [TestForgeState.Flavor.gitea, .gitlab])
    func everyPageIsReadThroughTheConfiguredAddress(flavor: TestForgeState.Flavor) async throws {
        let standIn = try StandInRepository(flavor, bot: "shipshape-bot")
        defer { standIn.forge.shutdown() }
        standIn.forge.state.setExternalURL("https://forge.external.example")
        let files = (1...120).map {
            TestForgeState.SeededFile(path: "app-\($0).yaml", status: "added", patch: "@@ -0,0 +1 @@\n+a")
        }
        let number = standIn.openPullRequest(files: files)
        let client: any Forge =
            flavor == .gitea ? standIn.gitea(bot: "shipshape-bot") : standIn.gitlab(bot: "shipshape-bot")

        let changed = try await client.changedFiles(of: number)

        #expect(changed.count == 120)
        #expect(Set(changed.map(\.path)).count == 120)
        #expect(standIn.forge.violations.isEmpty, "\(standIn.forge.violations)")
    }
}
