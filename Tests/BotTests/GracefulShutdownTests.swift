import Bot
import Foundation
import ShipshapeTesting
import Testing

/// `shipshape serve` as its own process, sent SIGTERM (as Kubernetes does) while a review runs:
/// a job that ends within the grace period (25 s) is finished and recorded as done; a longer one
/// is given back to the queue, its attempt not counted, and the next process runs it once.
@Suite(.serialized) struct GracefulShutdownTests {
    /// A service inside a review of a new pull request (the forge holds its answer for `hold`),
    /// sent SIGTERM; returns the session (for the caller to shut down) when the process ended.
    static func terminateDuringReview(hold: Duration) async throws -> ForgeSession {
        let session = try ForgeSession(.github)
        do {
            try session.push([CommandJobTests.file: PullRequestScenario.problematic])
            let (process, _) = try await WorkerCrashTests.serveUntilInsideReview(session, hold: hold)
            kill(process.processIdentifier, SIGTERM)
            try await CrashPointTests.waitUntil("the service stopped") { !process.isRunning }
            #expect(process.terminationReason == .exit && process.terminationStatus == 0, "a clean exit")
        } catch {
            session.shutdown()
            throw error
        }
        return session
    }

    static func expectOneReview(_ session: ForgeSession) {
        let inline = session.inlineComments.compactMap { $0["body"] as? String }
        #expect(inline.count == 20)
        #expect(Set(inline).count == inline.count, "no comment posted twice")
        #expect(
            session.conversationComments.filter { ($0["body"] as? String)?.contains(CommentMarkers.summary) == true }
                .count == 1)
        #expect(session.latestStatus(of: session.scenario.headSHA) == "failure")
    }

    @Test func aJobRunningAtSIGTERMFinishesBeforeTheProcessEnds() async throws {
        let session = try await Self.terminateDuringReview(hold: .seconds(3))
        defer { session.shutdown() }

        let depth = try await WorkerCrashTests.queue(of: session).depth()
        #expect(depth[.done] == 1 && (depth[.pending] ?? 0) == 0 && (depth[.running] ?? 0) == 0, "\(depth)")
        Self.expectOneReview(session)
    }

    @Test func aJobLongerThanTheGraceIsGivenBackAndRunOnceByTheNextProcess() async throws {
        let session = try await Self.terminateDuringReview(hold: .seconds(45))
        defer { session.shutdown() }

        let queue = try WorkerCrashTests.queue(of: session)
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
