import Bot
import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

/// `shipshape serve` as its own process, killed with SIGKILL in the middle of a review (the
/// forge has taken the inline comments, the summary is not posted yet), then started again on
/// the same queue: the job runs again once its lease runs out, and the pull request ends with
/// exactly one summary and no comment twice.
@Suite struct WorkerCrashTests {
    static let secret = "crash-secret"

    /// `crashAt`: the step at which the process kills itself (`SHIPSHAPE_CRASH_AT`); `environment`: more variables.
    static func serve(config: URL, crashAt: CrashPoint? = nil, environment more: [String: String] = [:]) throws
        -> Process
    {
        let process = Process()
        process.executableURL = ReviewCommandTests.binary
        process.arguments = ["serve", "--config", config.path]
        var environment = ProcessInfo.processInfo.environment
        environment[CrashPoint.environmentVariable] = crashAt?.rawValue
        environment["CRASH_TOKEN"] = ForgeSession.botToken
        environment["CRASH_SECRET"] = secret
        environment["no_proxy"] = "127.0.0.1"
        environment.merge(more) { _, new in new }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func waitForHealth(port: Int) async throws {
        let client = CurlHTTPClient()
        for _ in 0..<600 {
            if let response = try? await client.send(
                HTTPRequest(url: URL(string: "http://127.0.0.1:\(port)/healthz")!)), response.status == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FixtureError("shipshape serve did not answer on port \(port)")
    }

    /// A service configuration for `session`'s forge on `port`, with a 3-second lease and by
    /// default an SQLite queue in the session's folder (so a second process takes up the first
    /// one's jobs); `more`: settings to add at the top level.
    static func configuration(
        for session: ForgeSession, port: Int, name: String = "shipshape.yaml",
        queue: String? = nil, more: String = ""
    ) throws -> URL {
        let config = session.cache.appending(path: name)
        try FileManager.default.createDirectory(at: session.cache, withIntermediateDirectories: true)
        try """
        server: {host: 127.0.0.1, port: \(port)}
        queue: \(queue ?? "{sqlite: \(session.cache.path)/queue.sqlite}")
        workers: 1
        leaseSeconds: 3
        cacheDir: \(session.cache.path)/cache-\(name)
        \(more)
        forges:
          github:
            url: \(session.forge.baseURL.absoluteString)
            token: {env: CRASH_TOKEN}
            webhookSecret: {env: CRASH_SECRET}
        """.write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    /// The queue `configuration(for:port:)` gives the service, opened as a second process would.
    static func queue(of session: ForgeSession) throws -> SQLiteJobQueue {
        try SQLiteJobQueue(path: session.cache.appending(path: "queue.sqlite").path)
    }

    /// Starts the service on a free port, delivers the pull request's opening, and returns once the
    /// forge has the review's inline comments and holds its answer for `hold`: the worker is inside the job.
    static func serveUntilInsideReview(_ session: ForgeSession, hold: Duration) async throws -> (
        process: Process, port: Int
    ) {
        session.forge.state.inject(.slow(hold), matching: "POST /repos/acme/shop/pulls/1/reviews")
        let port = try freePort()
        let process = try serve(config: try configuration(for: session, port: port))
        try await waitForHealth(port: port)
        let body = try GitHubDeliveries.pullRequest(
            action: "opened", number: session.number, headSHA: session.scenario.headSHA)
        #expect(try await deliver(event: "pull_request", body: body, port: port) == 202)
        try await waitUntil("the forge took the review") { !session.inlineComments.isEmpty }
        return (process, port)
    }

    /// Sends a signed GitHub delivery to the service on `port`; returns the status it answered.
    static func deliver(event: String, body: Data, port: Int) async throws -> Int {
        var headers = HTTPHeaders()
        for (name, value) in try GitHubDeliveries.headers(event: event, body: body, secret: secret) {
            headers[name] = value
        }
        return try await CurlHTTPClient().send(
            HTTPRequest(
                method: .post, url: URL(string: "http://127.0.0.1:\(port)/webhooks/github")!,
                headers: headers, body: body)
        ).status
    }

    /// A guard against hanging, not a timing assertion: two minutes is far beyond what it takes.
    static func waitUntil(_ what: String, _ condition: () -> Bool) async throws {
        for _ in 0..<2_400 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw FixtureError("gave up waiting: \(what)")
    }

    @Test func aKilledWorkersJobRunsAgainAndPostsNothingTwice() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let (first, port) = try await Self.serveUntilInsideReview(session, hold: .seconds(60))
        let config = session.cache.appending(path: "shipshape.yaml")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(session.conversationComments.isEmpty, "killed before the summary")

        let second = try Self.serve(config: config)
        defer {
            second.terminate()
            second.waitUntilExit()
        }
        try await Self.waitForHealth(port: port)
        try await Self.waitUntil("the job ran again to its end (summary and status)") {
            session.conversationComments.contains {
                ($0["body"] as? String)?.contains("<!-- shipshape:summary -->") == true
            }
                && session.latestStatus(of: session.scenario.headSHA) != nil
        }
        let inline = session.inlineComments.compactMap { $0["body"] as? String }
        #expect(inline.count == 20)
        #expect(Set(inline).count == inline.count, "no comment posted twice")
        #expect(session.conversationComments.count == 1)
        #expect(session.latestStatus(of: session.scenario.headSHA) == "failure")
    }
}
