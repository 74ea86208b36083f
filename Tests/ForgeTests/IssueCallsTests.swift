import Foundation
import ShipshapeTesting
import Testing

@testable import Forge

/// The issue calls of every client against the stand-in: the bot's own issue is found by its
/// marker among the issues it opened, never a stranger's with the same title and marker, never a
/// pull request (GitHub and Gitea list those among issues); edits change what they name.
@Suite struct IssueCallsTests {
    static let marker = "<!-- shipshape:test-issue -->"

    @Test(arguments: [TestForgeState.Flavor.github, .gitea, .gitlab])
    func theBotsIssueIsFoundByMarkerAndAuthor(flavor: TestForgeState.Flavor) async throws {
        let standIn = try StandInRepository(flavor, bot: "shipshape-bot")
        let forge = standIn.forge
        defer { forge.shutdown() }
        let client: any Forge =
            switch flavor {
            case .github: standIn.github()
            case .gitea: standIn.gitea(bot: "shipshape-bot")
            case .gitlab: standIn.gitlab(bot: "shipshape-bot")
            }
        forge.state.openIssue(
            repository: StandInRepository.repository, author: "alice", title: "Images", body: "\(Self.marker) mine")
        let pull = forge.state.openPullRequest(
            repository: StandInRepository.repository, author: "shipshape-bot", title: "Images", baseBranch: "main",
            baseSHA: StandInRepository.base, headBranch: "shipshape/images", headSHA: StandInRepository.head,
            files: [])
        #expect(try await client.ownIssue(marker: Self.marker, author: "shipshape-bot") == nil)

        let created = try await client.createIssue(title: "Images", body: "\(Self.marker)\nfirst")
        #expect(created.author == "shipshape-bot" && created.isOpen && created.body.hasSuffix("first"))
        let listed = try await client.issues(openedBy: "shipshape-bot", openOnly: false)
        #expect(listed.map(\.number) == [created.number], "no stranger's issue, no pull request (#\(pull))")
        #expect(try await client.issues(openedBy: "shipshape-bot", openOnly: true) == listed)
        #expect(try await client.ownIssue(marker: Self.marker, author: "shipshape-bot") == created)

        try await client.editIssue(created.number, IssueEdit(body: "\(Self.marker)\nsecond", isOpen: false))
        let closed = try #require(try await client.ownIssue(marker: Self.marker, author: "shipshape-bot"))
        #expect(closed.number == created.number && !closed.isOpen && closed.body.hasSuffix("second"))
        #expect(try await client.issues(openedBy: "shipshape-bot", openOnly: true).isEmpty, "closed: not listed")
        #expect(try await client.ownIssue(marker: Self.marker, author: "shipshape-bot", openOnly: true) == nil)
        try await client.editIssue(created.number, IssueEdit(title: "Images again", isOpen: true))
        let reopened = try #require(try await client.ownIssue(marker: Self.marker, author: "shipshape-bot"))
        #expect(reopened.isOpen && reopened.title == "Images again" && reopened.body.hasSuffix("second"))

        let records = forge.state.issues(repository: StandInRepository.repository)
        #expect(records.first { $0.author == "alice" }?.edits == 0)
        #expect(forge.violations.isEmpty, "\(forge.violations.joined(separator: "\n"))")
    }
}
