import ShipshapeTesting
import Testing

@testable import Forge

/// "Create a review for a pull request" (docs.github.com/en/rest/pulls/reviews): `body` is
/// required when the event is COMMENT, even when the review carries inline comments.
@Suite struct GitHubReviewBodyTests {
    let standIn: StandInRepository

    init() throws { standIn = try StandInRepository(.github, bot: "shipshape") }

    @Test func aReviewOfInlineCommentsOnlyStillHasABody() async throws {
        defer { standIn.forge.shutdown() }
        let number = standIn.openPullRequestAddingTwoLines()
        let posted = try await standIn.reviewBothLines(of: number, with: standIn.github(), body: "")

        #expect(posted.map(\.body) == ["one", "two"])
        let review = try #require(
            standIn.forge.state.reviews(repository: StandInRepository.repository, pullRequest: number).first)
        #expect(review["body"] as? String == "Shipshape left 2 inline comments.")
        #expect(standIn.forge.violations.isEmpty, "\(standIn.forge.violations)")
    }
}
