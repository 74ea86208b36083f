import Bot
import Forge
import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

/// Which findings `fix` touches when checks are named, what it answers when there is nothing to
/// do or nothing it can do, and how a forge failure is reported and handed back for a retry.
@Suite struct CommandJobSelectionTests {
    static func session() throws -> ForgeSession {
        let session = try ForgeSession(.github)
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        return session
    }

    @Test func namedChecksOnlyIncludingThoseOffByDefault() async throws {
        let session = try Self.session()
        defer { session.shutdown() }
        let client = try session.client()

        let (_, outcome) = try await session.command(
            "/shipshape fix runasprivileged notReadOnlyRootFilesystem", as: "alice", token: "alice-token",
            client: client)

        guard case .pushed = outcome.result else {
            Issue.record("expected a push, got \(outcome.result)")
            return
        }
        #expect(
            outcome.changes.map { String($0.prefix { $0 != ":" }) } == ["notReadOnlyRootFilesystem", "runAsPrivileged"])
        let text = try session.servedFile(CommandJobTests.file)
        #expect(text.contains("privileged: false") && text.contains("readOnlyRootFilesystem: true"), "\(text)")
        #expect(!text.contains("resources:"), "other checks' fixes are not applied")
    }

    @Test func nothingToFixIsDoneWithARocket() async throws {
        let session = try Self.session()
        defer { session.shutdown() }
        let client = try session.client()
        let head = try session.served("refs/heads/pr")

        let (comment, outcome) = try await session.command(
            "/shipshape fix hostNetworkSet", as: "alice", token: "alice-token", client: client)

        #expect(outcome.result == .nothingToChange)
        #expect(session.reactions(on: comment) == ["eyes", "rocket"])
        #expect(
            outcome.reply?.body.contains(
                "Nothing to fix: no finding of `hostNetworkSet` on the lines this pull request changes.") == true)
        #expect(try session.served("refs/heads/pr") == head)
    }

    @Test func findingsWithoutAFixAreExplained() async throws {
        let session = try Self.session()
        defer { session.shutdown() }
        let client = try session.client()

        let (comment, outcome) = try await session.command(
            "/shipshape fix tagNotSpecified", as: "alice", token: "alice-token", client: client)

        guard case .failed = outcome.result else {
            Issue.record("expected a failure, got \(outcome.result)")
            return
        }
        #expect(session.reactions(on: comment) == ["eyes", "confused"])
        let reply = try #require(outcome.reply?.body)
        #expect(reply.contains("None of the 1 finding on the changed lines could be fixed automatically."), "\(reply)")
        #expect(reply.contains("no automatic fix for tagNotSpecified"))
    }

    @Test func aForgeFailureIsRepliedToAndRethrown() async throws {
        let session = try Self.session()
        defer { session.shutdown() }
        let client = try session.client()
        let comment = try await session.comment("/shipshape fix", token: "alice-token")
        // Four 503s: the client's every attempt at reading the pull request, not the reply's calls after it.
        session.forge.state.inject(.status(503), times: 4, matching: "GET /repos/acme/shop/pulls/1")

        await #expect(throws: HTTPError.self) {
            _ = try await session.commandJob(with: client).run(
                number: session.number, commentID: comment.id, author: "alice", body: comment.body)
        }

        #expect(session.reactions(on: comment) == ["eyes", "confused"])
        let reply = try #require(session.replies().last)
        #expect(reply.contains("Shipshape could not finish `/shipshape fix` on #1:"), "\(reply)")
        #expect(!reply.contains(ForgeSession.botToken))

        // The job system retries; this time it goes through, and the one reply is edited, not doubled.
        _ = try await session.commandJob(with: client).run(
            number: session.number, commentID: comment.id, author: "alice", body: comment.body)
        #expect(session.replies().count == 1)
        #expect(session.replies().first?.contains("Shipshape could not finish") == false)
    }
}
