import Bot
import Forge
import Foundation
import Policy
import Review
import ShipshapeTesting
import Testing

/// A pull request that exempts itself (`shipshape.dev/<check>-exempt` written by its author)
/// used to pass silently, around the permission check of `/shipshape ignore`. The bot's review
/// still reports the finding and lists the exemption; one the bot wrote for a writer counts.
@Suite struct SelfExemptionTests {
    static let file = "apps/shop/web.yaml"
    static let selfExempted = PullRequestScenario.problematic.replacingOccurrences(
        of: "  namespace: shop\n",
        with: "  namespace: shop\n  annotations:\n    shipshape.dev/runAsPrivileged-exempt: \"trust me\"\n")

    @Test func anAnnotationTheAuthorAddsDoesNotSilenceTheReview() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([Self.file: Self.selfExempted])
        let result = try await session.review(with: try session.client())
        #expect(result.review.comments.contains { $0.finding.checkID == "runAsPrivileged" })
        #expect(result.plan.summary.contains("### Exemptions added by this change"))
        #expect(
            result.plan.summary.contains(
                "`apps/shop/web.yaml:7` Deployment shop/web `shipshape.dev/runAsPrivileged-exempt`: trust me (does not count before merge"
            ),
            "\(result.plan.summary)")
    }

    @Test func anApprovalInSomeoneElsesCommentIsNotTrusted() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([Self.file: Self.selfExempted])
        let client = try session.client()
        // Someone copies the marker the bot writes into a comment of their own.
        _ = try await session.comment(
            "looks fine\n<!-- shipshape:approved-exemption apps/shop/web.yaml|apps/v1|Deployment|shop|web|shipshape.dev/runAsPrivileged%2Dexempt -->",
            token: "alice-token")
        let result = try await session.review(with: client)
        #expect(result.review.comments.contains { $0.finding.checkID == "runAsPrivileged" })
        #expect(result.review.addedExemptions.map(\.approved) == [false])
    }
}
