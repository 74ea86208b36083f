import JSONKit
import ShipshapeTesting
import Testing

@testable import Forge

/// Review threads resolved through GitHub's GraphQL API (`reviewThreads`, `resolveReviewThread`,
/// docs.github.com/en/graphql), which REST cannot do.
@Suite struct GitHubThreadResolutionTests {
    @Test func theThreadOfAFindingCommentIsResolved() async throws {
        let standIn = try StandInRepository(.github, bot: "shipshape")
        defer { standIn.forge.shutdown() }
        let number = standIn.openPullRequestAddingTwoLines()
        let client = standIn.github()
        let posted = try await standIn.reviewBothLines(of: number, with: client, body: "Findings")
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
        await #expect(throws: ForgeError.self) {
            _ = try await client.graphQL(
                "mutation { resolveReviewThread }", variables: ["threadId": "nope"], as: Ignored.self)
        }
    }
}
