import Bot
import Forge
import Foundation
import ShipshapeTesting
import Testing

/// `shipshape serve` killed (SIGKILL, by itself at a `SHIPSHAPE_CRASH_AT` step) in the middle of
/// each kind of pull-request job, then started again on the same SQLite queue: the job runs
/// again once its lease runs out and the pull request ends with each effect once (one push, one
/// reply, one summary, no inline comment twice), and the reply tells what happened.
@Suite(.serialized) struct CrashPointTests {
    enum Job: String, Sendable {
        case review, fix, ignore, recheck

        var comment: String? {
            switch self {
            case .review: nil
            case .fix: "/shipshape fix"
            case .ignore: "/shipshape ignore runAsPrivileged testing only"
            case .recheck: "/shipshape recheck"
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let job: Job
        let crashAt: CrashPoint
        var testDescription: String { "\(job.rawValue), killed at \(crashAt.rawValue)" }
    }

    static let cases: [Case] = [
        Case(job: .review, crashAt: .reviewCommented), Case(job: .review, crashAt: .reviewSummarized),
        Case(job: .review, crashAt: .jobFinished),
        Case(job: .fix, crashAt: .commandAcknowledged), Case(job: .fix, crashAt: .commandPushed),
        Case(job: .fix, crashAt: .commandReacted),
        Case(job: .fix, crashAt: .jobFinished),
        Case(job: .ignore, crashAt: .commandPushed), Case(job: .ignore, crashAt: .jobFinished),
        Case(job: .recheck, crashAt: .reviewSummarized), Case(job: .recheck, crashAt: .commandReacted),
        Case(job: .recheck, crashAt: .jobFinished),
    ]

    /// A guard against hanging, not a timing assertion: far beyond what a job takes.
    static func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
        for _ in 0..<3_000 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FixtureError("gave up waiting: \(what)")
    }

    @Test(arguments: cases)
    func aJobKilledAtAStepHasEachEffectOnce(_ example: Case) async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        let oldHead = try session.served("refs/heads/pr")
        let port = try freePort()
        let config = try WorkerCrashTests.configuration(for: session, port: port)

        let first = try WorkerCrashTests.serve(config: config, crashAt: example.crashAt)
        defer { if first.isRunning { first.terminate() } }
        try await WorkerCrashTests.waitForHealth(port: port)
        var comment: PostedComment?
        if let body = example.job.comment {
            let posted = try await session.comment(body, token: "alice-token")
            comment = posted
            let delivery = try GitHubDeliveries.comment(
                id: posted.id, body: body, author: "alice", number: session.number)
            #expect(try await WorkerCrashTests.deliver(event: "issue_comment", body: delivery, port: port) == 202)
        } else {
            let delivery = try GitHubDeliveries.pullRequest(
                action: "opened", number: session.number, headSHA: session.scenario.headSHA)
            #expect(try await WorkerCrashTests.deliver(event: "pull_request", body: delivery, port: port) == 202)
        }
        try await Self.waitUntil("the service killed itself at \(example.crashAt.rawValue)") { !first.isRunning }
        #expect(
            first.terminationReason == .uncaughtSignal && first.terminationStatus == SIGKILL,
            "died at the step, by SIGKILL")

        let second = try WorkerCrashTests.serve(config: config)
        defer {
            second.terminate()
            second.waitUntilExit()
        }
        let queue = try WorkerCrashTests.queue(of: session)
        try await Self.waitUntil("the job ran again to its end") { try await queue.depth()[.done] == 1 }
        #expect((try await queue.depth()[.dead] ?? 0) == 0, "no job gave up")

        let inline = session.inlineComments.compactMap { $0["body"] as? String }
        #expect(Set(inline).count == inline.count, "no inline comment posted twice")
        let summaries = session.conversationComments.filter {
            ($0["body"] as? String)?.contains(CommentMarkers.summary) == true
        }
        switch example.job {
        case .review:
            #expect(inline.count == 20)
            #expect(summaries.count == 1)
            #expect(session.latestStatus(of: session.scenario.headSHA) == "failure")
        case .fix, .ignore:
            let head = try session.served("refs/heads/pr")
            #expect(head != oldHead)
            #expect(try session.served("refs/heads/pr^") == oldHead, "one commit pushed, on the head it changed")
            #expect(session.replies().count == 1)
            #expect(
                session.replies().first?.contains("Pushed `\(head.prefix(7))` on top of `\(oldHead.prefix(7))`")
                    == true,
                "\(session.replies().first ?? "no reply")")
        case .recheck:
            #expect(inline.count == 20)
            #expect(summaries.count == 1)
            #expect(session.replies().count == 1)
            #expect(
                session.replies().first?.contains("Reviewed `\(oldHead.prefix(7))` again") == true,
                "\(session.replies().first ?? "no reply")")
        }
        if let comment { #expect(session.reactions(on: comment) == ["eyes", "rocket"]) }
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }
}
