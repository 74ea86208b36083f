import Bot
import Forge
import Foundation
import ShipshapeTesting
import Testing

/// A command's job run again after its push went through (the worker died before it answered,
/// the queue gave the job to the next worker): the second run finds the commit the first one
/// pushed, pushes nothing, and answers that it was pushed.
@Suite struct CommandJobRetryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let body: String
        /// Whether the forge has seen the push (its pull request's head is the bot's commit) by the time the job runs again.
        let forgeMoved: Bool
        var testDescription: String { "\(body), forge \(forgeMoved ? "moved" : "not moved yet")" }
    }

    static let cases = ["/shipshape fix", "/shipshape ignore runAsPrivileged testing only"].flatMap { body in
        [false, true].map { Case(body: body, forgeMoved: $0) }
    }

    @Test(arguments: cases)
    func aCommandRunAgainReportsItsEarlierPush(_ example: Case) async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        let client = try session.client()
        let (comment, first) = try await session.command(
            example.body, as: "alice", token: "alice-token", client: client)
        guard case .pushed(let commit, _, _) = first.result else {
            Issue.record("expected a push, got \(first.result)")
            return
        }
        let firstReply = try #require(session.replies().last)
        if example.forgeMoved { try session.adoptServedBranch() }

        let again = try await session.commandJob(with: client).run(
            number: session.number, commentID: comment.id, author: "alice", body: example.body)

        #expect(again.result == first.result, "the same commit reported")
        #expect(again.changes == first.changes)
        #expect(try session.served("refs/heads/pr") == commit, "nothing pushed a second time")
        #expect(session.replies() == [firstReply], "one reply, saying the same")
        #expect(!session.reactions(on: comment).contains("confused"))
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }

    @Test func theCommitNamesTheCommand() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        let (comment, _) = try await session.command(
            "/shipshape fix", as: "alice", token: "alice-token", client: try session.client())
        let message = try session.servedMessage("refs/heads/pr").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(message.hasSuffix("\n\nShipshape-Command: \(comment.id)"), "\(message)")
    }
}
