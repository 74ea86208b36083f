import Bot
import Forge
import Foundation
import ShipshapeTesting
import Testing

/// A finding gone because the pull request now exempts its object (`/shipshape ignore`, approved)
/// is shown as exempted, with the annotation, and never as fixed.
@Suite struct ExemptedFindingTests {
    @Test(arguments: ForgePublicationTests.flavors)
    func anIgnoredFindingIsShownAsExemptedNotFixed(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        let client = try session.client()
        _ = try await session.review(with: client)
        let body =
            flavor == .gitlab ? "/shipshape ignore runAsPrivileged" : "/shipshape ignore runAsPrivileged testing only"
        let (_, outcome) = try await session.command(body, as: "alice", token: "alice-token", client: client)
        guard case .pushed = outcome.result else {
            Issue.record("expected a push, got \(outcome.result)")
            return
        }
        try session.adoptServedBranch()

        let after = try await session.review(with: client)

        let gone = try #require(
            after.plan.fixedComments.first { $0.body.contains("(`runAsPrivileged`)") },
            "the comment on the exempted finding is closed")
        #expect(gone.body.contains("🙈 Exempted in"), "\(gone.body)")
        #expect(gone.body.contains("`shipshape.dev/runAsPrivileged-exempt`"))
        #expect(!gone.body.contains("Fixed in"))
        #expect(
            after.plan.fixedComments.allSatisfy {
                !$0.body.contains("Exempted in") || $0.body.contains("(`runAsPrivileged`)")
            },
            "only the exempted finding reads as exempted")
        let summary = after.plan.summary
        let exemptedSection = try #require(summary.range(of: "### Exempted since the last review"), "\(summary)")
        #expect(
            summary[exemptedSection.upperBound...].contains(
                "**runAsPrivileged** (`shipshape.dev/runAsPrivileged-exempt`)"))
        let fixedSection =
            summary.range(of: "### Fixed since the last review").map {
                summary[$0.upperBound..<exemptedSection.lowerBound]
            } ?? ""
        #expect(!fixedSection.contains("runAsPrivileged"), "not listed as fixed")
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }
}
