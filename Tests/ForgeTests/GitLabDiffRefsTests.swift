import ShipshapeTesting
import Testing

@testable import Forge

/// GitLab's diff refs once the target branch moved on after the merge base (GitLab's merge request
/// API, `diff_refs` and …/versions): `base_sha` is the merge base, `start_sha` the target branch's
/// head the diff was taken against, `head_sha` the source's head. A position must carry all three
/// as the version has them; the stand-in serves them apart and refuses others.
@Suite struct GitLabDiffRefsTests {
    static let targetHead = String(repeating: "c", count: 40)

    @Test func theBaseCommitIsTheTargetsHeadAndPositionsCarryBothRefs() async throws {
        let standIn = try StandInRepository(.gitlab, bot: "shipshape")
        defer { standIn.forge.shutdown() }
        standIn.forge.state.setBranch(repository: StandInRepository.repository, name: "main", sha: Self.targetHead)
        let number = standIn.openPullRequestAddingTwoLines()
        let client = standIn.gitlab(bot: "shipshape")

        let pullRequest = try await client.pullRequest(number)
        #expect(pullRequest.baseSHA == Self.targetHead, "start_sha, not the merge base")

        // As the publisher submits it: the engine's merge base, and the pull request's base commit.
        let posted = try await client.postReview(
            on: number,
            ReviewSubmission(
                commitSHA: StandInRepository.head, baseSHA: StandInRepository.base,
                startSHA: try pullRequest.requiredBaseSHA(),
                body: "",
                comments: [InlineComment(path: "app.yaml", line: 2, body: "two")]))
        #expect(posted.map(\.body) == ["two"])
        #expect(standIn.forge.violations.isEmpty, "\(standIn.forge.violations)")
    }
}
