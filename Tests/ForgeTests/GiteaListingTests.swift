import Foundation
import ShipshapeTesting
import Testing

@testable import Forge

/// Gitea's lists as Gitea's source answers them, where its API description says too little.
@Suite struct GiteaListingTests {
    /// The reviews list pages by `page`/`limit` (at most 50 a page by default) and sends
    /// X-Total-Count but no `Link` header (`ListPullReviews` in routers/api/v1/repo/pull_review.go),
    /// so a client that follows links sees only the first 50 reviews and re-posts the rest.
    @Test func everyReviewsCommentsAreListedPastTheFirstPage() async throws {
        let standIn = try StandInRepository(.gitea, bot: "shipshape-bot")
        let forge = standIn.forge
        defer { forge.shutdown() }
        let patch = "@@ -0,0 +1,3 @@\n+a\n+b\n+c"
        let number = standIn.openPullRequest(files: [
            TestForgeState.SeededFile(path: "app.yaml", status: "added", patch: patch)
        ])
        let client = standIn.gitea(bot: "shipshape-bot")
        let (base, head) = (StandInRepository.base, StandInRepository.head)
        for index in 1...51 {
            _ = try await client.postReview(
                on: number,
                ReviewSubmission(
                    commitSHA: head, baseSHA: base, startSHA: base, body: "",
                    comments: [InlineComment(path: "app.yaml", line: 2, body: "finding \(index)")]))
        }

        let comments = try await client.comments(on: number)

        #expect(comments.filter { $0.kind == .inline }.count == 51)
        #expect(comments.contains { $0.body == "finding 51" })
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }

    /// `pulls/{base}/{head}` names no order (GetPullRequestByBaseHeadInfo in models/issues/pull.go:
    /// one row, no ORDER BY; in practice the oldest), so the latest pull request of a branch is
    /// found from the list, or a closed upgrade is missed behind an older one and proposed again.
    @Test func theNewestPullRequestOfTheBranchIsFoundWhateverItsState() async throws {
        let standIn = try StandInRepository(.gitea, bot: "shipshape-bot")
        let forge = standIn.forge
        defer { forge.shutdown() }
        let client = standIn.gitea(bot: "shipshape-bot")
        var numbers: [Int] = []
        for _ in 1...2 {
            let number = standIn.openPullRequest(headBranch: "shipshape/cert-manager", files: [])
            try await client.closePullRequest(number)
            numbers.append(number)
        }
        _ = standIn.openPullRequest(headBranch: "shipshape/ingress-nginx", files: [])

        let latest = try await client.latestPullRequest(head: "shipshape/cert-manager", base: "main")

        #expect(latest?.number == numbers.last)
        #expect(latest?.state == .closed)
        #expect(try await client.latestPullRequest(head: "shipshape/none", base: "main") == nil)
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }
}
