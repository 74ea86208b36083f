import Foundation
import HTTPKit
import ShipshapeTesting
import Testing
@testable import Forge

/// Gitea's reviews list pages by `page`/`limit` (at most 50 a page by default) and sends
/// X-Total-Count but no `Link` header (`ListPullReviews` in routers/api/v1/repo/pull_review.go),
/// so a client that follows links sees only the first 50 reviews and re-posts the rest.
@Suite struct GiteaReviewPagingTests {
    @Test func everyReviewsCommentsAreListedPastTheFirstPage() async throws {
        let forge = try TestForge(flavor: .gitea)
        defer { forge.shutdown() }
        let base = String(repeating: "a", count: 40), head = String(repeating: "b", count: 40)
        forge.state.addUser(login: "shipshape-bot", token: "bot-token", permission: "write")
        forge.state.addUser(login: "alice", token: "alice-token", permission: "write")
        forge.state.addRepository(owner: "acme", name: "shop", cloneURL: "http://127.0.0.1/acme/shop.git")
        let patch = "@@ -0,0 +1,3 @@\n+a\n+b\n+c"
        let number = forge.state.openPullRequest(repository: "acme/shop", author: "alice", title: "Add", baseBranch: "main", baseSHA: base,
                                                 headBranch: "feature", headSHA: head,
                                                 files: [TestForgeState.SeededFile(path: "app.yaml", status: "added", patch: patch)])
        let client = GiteaForge(repository: RepositoryID("acme/shop")!, apiRoot: forge.apiRoot, client: CurlHTTPClient(),
                                credentials: TokenCredentials(token: "bot-token", scheme: .token), botLogin: "shipshape-bot")
        for index in 1...51 {
            _ = try await client.postReview(on: number, ReviewSubmission(commitSHA: head, baseSHA: base, startSHA: base, body: "",
                                                                         comments: [InlineComment(path: "app.yaml", line: 2, body: "finding \(index)")]))
        }

        let comments = try await client.comments(on: number)

        #expect(comments.filter { $0.kind == .inline }.count == 51)
        #expect(comments.contains { $0.body == "finding 51" })
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }
}
