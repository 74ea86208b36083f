import ShipshapeTesting
import Testing
@testable import Forge

/// "Create a review for a pull request" (docs.github.com/en/rest/pulls/reviews): `body` is
/// required when the event is COMMENT, even when the review carries inline comments.
@Suite struct GitHubReviewBodyTests {
    @Test func aReviewOfInlineCommentsOnlyStillHasABody() async throws {
        let standIn = try StandInRepository(.github, bot: "shipshape")
        defer { standIn.forge.shutdown() }
        let number = standIn.openPullRequest(files: [TestForgeState.SeededFile(path: "app.yaml", status: "added", patch: "@@ -0,0 +1,2 @@\n+a\n+b")])
        let posted = try await standIn.github().postReview(on: number, ReviewSubmission(
            commitSHA: StandInRepository.head, baseSHA: StandInRepository.base, startSHA: StandInRepository.base, body: "",
            comments: [InlineComment(path: "app.yaml", line: 1, body: "one"), InlineComment(path: "app.yaml", line: 2, body: "two")]))

        #expect(posted.map(\.body) == ["one", "two"])
        let review = try #require(standIn.forge.state.reviews(repository: StandInRepository.repository, pullRequest: number).first)
        #expect(review["body"] as? String == "Shipshape left 2 inline comments.")
        #expect(standIn.forge.violations.isEmpty, "\(standIn.forge.violations)")
    }
}
