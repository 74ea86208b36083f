import Bot
import Forge
import Foundation
import ShipshapeTesting
import Testing

/// `fix` on a pull request from a fork: pushed to the fork when its author allows edits by
/// maintainers, answered with a diff otherwise.
@Suite struct CommandJobForkTests {
    /// Opens pull request 2 from a fork (a bare clone served beside the repository) with the same
    /// head as pull request 1, and returns its number, the fork's folder and the head.
    static func openForkPullRequest(_ session: ForgeSession, client: any Forge, maintainerCanModify: Bool) async throws
        -> (Int, String, String)
    {
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        let fixture = session.scenario.fixture
        let head = session.scenario.headSHA
        try fixture.git(
            "push", "-q", "--force", "origin", "pr:refs/pull/2/head", "pr:refs/merge-requests/2/head",
            in: session.scenario.work)
        let fork = fixture.path("served/fork.git")
        try fixture.git("clone", "-q", "--bare", session.scenario.bare, fork)
        let baseURL = try await client.pullRequest(session.number).cloneURL
        let forkURL = baseURL.replacingOccurrences(of: "/shop.git", with: "/fork.git")
        let number = session.forge.state.openPullRequest(
            repository: ForgeSession.repository, author: "alice", title: "From a fork", baseBranch: "main",
            baseSHA: session.scenario.baseSHA,
            headBranch: "pr", headSHA: head,
            files: try session.scenario.patches().map {
                TestForgeState.SeededFile(path: $0.path, status: $0.status, patch: $0.patch)
            },
            forkCloneURL: forkURL, maintainerCanModify: maintainerCanModify)
        #expect(number == 2)
        return (number, fork, head)
    }

    static func runFix(_ session: ForgeSession, client: any Forge, number: Int) async throws -> CommandOutcome {
        let body = "/shipshape fix"
        let comment = try await session.client(authentication: .token("alice-token")).createComment(
            on: number, body: body)
        return try await session.commandJob(with: client).run(
            number: number, commentID: comment.id, author: "alice", body: body)
    }

    @Test func aForkThatAllowsEditsGetsTheCommit() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        let client = try session.client()
        let (number, fork, head) = try await Self.openForkPullRequest(
            session, client: client, maintainerCanModify: true)

        let outcome = try await Self.runFix(session, client: client, number: number)

        guard case .pushed(let commit, let url, _) = outcome.result else {
            Issue.record("expected a push to the fork, got \(outcome.result)")
            return
        }
        #expect(url.hasSuffix("/fork.git"))
        #expect(try session.scenario.fixture.git("--git-dir", fork, "rev-parse", "refs/heads/pr") == commit)
        #expect(try session.scenario.fixture.git("--git-dir", fork, "rev-parse", "refs/heads/pr^") == head)
        #expect(
            try session.served("refs/heads/pr") == head, "the base repository's branch of the same name is untouched")
    }

    @Test func aForkThatDoesNotAllowEditsGetsADiff() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        let client = try session.client()
        let (number, fork, head) = try await Self.openForkPullRequest(
            session, client: client, maintainerCanModify: false)

        let outcome = try await Self.runFix(session, client: client, number: number)

        #expect(outcome.result == .suggested)
        #expect(!outcome.changes.isEmpty)
        let reply = try #require(outcome.reply?.body)
        #expect(reply.contains("```diff\ndiff --git a/\(CommandJobTests.file) b/\(CommandJobTests.file)\n"), "\(reply)")
        #expect(
            reply.contains("\n--- a/\(CommandJobTests.file)\n+++ b/\(CommandJobTests.file)\n"),
            "git apply takes it: \(reply)")
        #expect(reply.contains("does not allow edits by maintainers"))
        try Golden.check(reply, against: "command-fork-diff-github.md")
        #expect(try session.scenario.fixture.git("--git-dir", fork, "rev-parse", "refs/heads/pr") == head)
        #expect(try session.served("refs/heads/pr") == head)
    }
}
