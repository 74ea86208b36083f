import Bot
import Foundation
import ShipshapeTesting
import Testing

/// `shipshape serve` as its own process, sent SIGTERM (as Kubernetes does) while a review runs:
/// a job that ends within the grace period (25 s) is finished and recorded as done; a longer one
/// is given back to the queue, its attempt not counted, and the next process runs it once.
@Suite(.serialized) struct GracefulShutdownTests {
    /// Starts the service, delivers the pull request's opening, and sends SIGTERM once the forge has
    /// the review's inline comments (its answer held back by `hold`); returns when the process ended.
    static func terminateDuringReview(_ session: ForgeSession, hold: Duration, port: Int) async throws -> Process {
        session.forge.state.inject(.slow(hold), matching: "POST /repos/acme/shop/pulls/1/reviews")
        let config = try WorkerCrashTests.configuration(for: session, port: port)
        let process = try WorkerCrashTests.serve(config: config)
        try await WorkerCrashTests.waitForHealth(port: port)
        let body = try GitHubDeliveries.pullRequest(action: "opened", number: session.number, headSHA: session.scenario.headSHA)
        #expect(try await WorkerCrashTests.deliver(event: "pull_request", body: body, port: port) == 202)
        try await CrashPointTests.waitUntil("the forge took the review") { !session.inlineComments.isEmpty }
        kill(process.processIdentifier, SIGTERM)
        try await CrashPointTests.waitUntil("the service stopped") { !process.isRunning }
        return process
    }

    static func expectOneReview(_ session: ForgeSession) {
        let inline = session.inlineComments.compactMap { $0["body"] as? String }
        #expect(inline.count == 20)
        #expect(Set(inline).count == inline.count, "no comment posted twice")
        #expect(session.conversationComments.filter { ($0["body"] as? String)?.contains(CommentMarkers.summary) == true }.count == 1)
        #expect(session.latestStatus(of: session.scenario.headSHA) == "failure")
    }

    @Test func aJobRunningAtSIGTERMFinishesBeforeTheProcessEnds() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        let port = try freePort()

        let process = try await Self.terminateDuringReview(session, hold: .seconds(3), port: port)

        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "a clean exit")
        let queue = try SQLiteJobQueue(path: session.cache.appending(path: "queue.sqlite").path)
        let depth = try await queue.depth()
        #expect(depth[.done] == 1 && (depth[.pending] ?? 0) == 0 && (depth[.running] ?? 0) == 0, "\(depth)")
        Self.expectOneReview(session)
    }

    @Test func aJobLongerThanTheGraceIsGivenBackAndRunOnceByTheNextProcess() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        let port = try freePort()

        let first = try await Self.terminateDuringReview(session, hold: .seconds(45), port: port)

        #expect(first.terminationReason == .exit && first.terminationStatus == 0, "a clean exit")
        let queue = try SQLiteJobQueue(path: session.cache.appending(path: "queue.sqlite").path)
        let given = try await queue.depth()
        #expect(given[.pending] == 1 && (given[.done] ?? 0) == 0 && (given[.running] ?? 0) == 0, "given back: \(given)")
        #expect(session.conversationComments.isEmpty, "stopped before the summary")

        let second = try WorkerCrashTests.serve(config: session.cache.appending(path: "shipshape.yaml"))
        defer {
            second.terminate()
            second.waitUntilExit()
        }
        try await CrashPointTests.waitUntil("the next process ran the job") { try await queue.depth()[.done] == 1 }
        #expect(try await queue.job(id: 1)?.attempts == 1, "the attempt given back was not counted")
        Self.expectOneReview(session)
    }
}
