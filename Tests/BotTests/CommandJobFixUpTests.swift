import Bot
import Forge
import Foundation
import ShipshapeTesting
import Testing

/// A head branch that refuses the bot's push (a protected branch: the Git server's pre-receive
/// hook declines it): the fix goes to a branch of its own and a pull request proposes it.
@Suite struct CommandJobFixUpTests {
    @Test func aProtectedHeadBranchGetsAFixUpPullRequest() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let hook = URL(fileURLWithPath: session.scenario.bare).appending(path: "hooks/pre-receive")
        try """
        #!/bin/sh
        while read old new ref; do
          if [ "$ref" = "refs/heads/pr" ]; then echo "refs/heads/pr is protected" >&2; exit 1; fi
        done
        """.write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        let fixture = session.scenario.fixture
        let bare = session.scenario.bare
        session.forge.state.followBranches {
            let listing =
                (try? fixture.git(
                    "--git-dir", bare, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads")) ?? ""
            return listing.split(separator: "\n").compactMap { line in
                let parts = line.split(separator: " ")
                return parts.count == 2 ? (ForgeSession.repository, String(parts[0]), String(parts[1])) : nil
            }
        }
        let before = try session.served("refs/heads/pr")

        let (comment, outcome) = try await session.command(
            "/shipshape fix", as: "alice", token: "alice-token", client: try session.client())
        guard case .pushed(let commit, _, let branch) = outcome.result else {
            Issue.record("expected a push to a fix-up branch, got \(outcome.result)")
            return
        }
        #expect(branch.hasPrefix("shipshape/fix/1-"))
        #expect(try session.served("refs/heads/pr") == before, "the protected branch is untouched")
        #expect(try session.served("refs/heads/" + branch) == commit)
        #expect(try session.served("refs/heads/\(branch)~1") == before, "the fix sits on the pull request's head")
        let fixUp = try #require(
            session.forge.state.pullRequests(repository: ForgeSession.repository).first { pull in
                ((pull["head"] as? [String: Any])?["ref"] as? String) == branch
            })
        #expect(((fixUp["base"] as? [String: Any])?["ref"] as? String) == "pr")
        #expect(session.reactions(on: comment).contains("rocket"))
        #expect(session.replies().contains { $0.contains("proposed to it in #\(fixUp["number"] as? Int ?? 0)") })

        // The job run again (its worker died before the queue heard it was done): the same
        // branch and pull request are reported, none is added.
        let again = try await session.commandJob(with: try session.client()).run(
            number: session.number, commentID: comment.id, author: "alice",
            body: "/shipshape fix")
        #expect(again.result == outcome.result)
        #expect(
            session.forge.state.pullRequests(repository: ForgeSession.repository).count == 2,
            "the pull request and one fix-up")
        #expect(session.replies().count == 1)
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }
}
