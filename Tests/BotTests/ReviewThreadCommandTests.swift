import Bot
import Forge
import Foundation
import ShipshapeTesting
import Testing

/// A slash command written in a GitHub review thread (`pull_request_review_comment`). Its
/// reactions live under `pulls/comments/{id}/reactions` (the issue-comment endpoint answers 404
/// for it) and the answer belongs in the same thread ("Create reaction for a pull request review
/// comment", "Create a reply for a review comment", docs.github.com/en/rest).
@Suite struct ReviewThreadCommandTests {
    @Test func theCommandIsAnsweredInItsThread() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        let client = try session.client()
        let head = try await client.pullRequest(session.number).headSHA
        let alice = try session.client(authentication: .token("alice-token"))
        let written = try await alice.postReview(
            on: session.number,
            ReviewSubmission(
                commitSHA: head, baseSHA: session.scenario.baseSHA, startSHA: session.scenario.baseSHA, body: "",
                comments: [InlineComment(path: CommandJobTests.file, line: 1, body: "/shipshape help")]))
        let command = try #require(written.first)
        let job = try session.commandJob(with: client)

        let outcome = try await job.run(
            number: session.number, commentID: command.id, commentKind: .inline, author: "alice", body: command.body)
        // A retried job edits its answer instead of adding another.
        _ = try await job.run(
            number: session.number, commentID: command.id, commentKind: .inline, author: "alice", body: command.body)

        #expect(outcome.result == .answered)
        #expect(session.reactions(on: command) == ["eyes", "rocket"])
        let replies = session.inlineComments.filter {
            ($0["body"] as? String)?.hasPrefix("<!-- shipshape:command-reply -->") == true
        }
        #expect(replies.count == 1)
        #expect(replies.first?["in_reply_to_id"] as? Int == Int(command.id), "the answer is in the command's thread")
        #expect(session.replies().isEmpty, "nothing in the conversation")
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }
}
