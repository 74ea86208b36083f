import ShipshapeTesting
import Testing
@testable import Forge

/// Review threads resolved through GitHub's GraphQL API (`reviewThreads`, `resolveReviewThread`,
/// docs.github.com/en/graphql), which REST cannot do.
@Suite struct GitHubThreadResolutionTests {
    @Test func theThreadOfAFindingCommentIsResolved() async throws {
        let standIn = try StandInRepository(.github, bot: "shipshape")
        defer { standIn.forge.shutdown() }
        let number = standIn.openPullRequest(files: [TestForgeState.SeededFile(path: "app.yaml", status: "added", patch: "@@ -0,0 +1,2 @@\n+a\n+b")])
        let client = standIn.github()
        let posted = try await client.postReview(on: number, ReviewSubmission(
            commitSHA: StandInRepository.head, baseSHA: StandInRepository.base, startSHA: StandInRepository.base, body: "Findings",
            comments: [InlineComment(path: "app.yaml", line: 1, body: "one"), InlineComment(path: "app.yaml", line: 2, body: "two")]))
        let first = try #require(posted.first { $0.body == "one" })

        try await client.resolve(first, on: number)
        try await client.resolve(first, on: number)

        let threads = try await client.reviewThreads(on: number)
        #expect(threads.map(\.isResolved) == [true, false])
        #expect(threads.first?.rootCommentID == first.id)
        #expect(standIn.forge.violations.isEmpty, "\(standIn.forge.violations)")
    }

    @Test func aRefusalComesBackAsAnError() async throws {
        let standIn = try StandInRepository(.github, bot: "shipshape")
        defer { standIn.forge.shutdown() }
        let client = standIn.github()
        await #expect(throws: ForgeError.self) { _ = try await client.graphQL("mutation { resolveReviewThread }", variables: ["threadId": "nope"]) }
    }
}
