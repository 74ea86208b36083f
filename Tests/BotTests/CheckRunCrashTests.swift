import Bot
import Foundation
import ShipshapeTesting
import Testing

/// `shipshape serve` as a GitHub App (its verdicts are check runs) killed right after a job
/// published its check run, then started again on the same queue: the job runs again and the
/// commit still has one check run of the bot's name, with each annotation once (a second run of
/// the same name was added before).
@Suite(.serialized) struct CheckRunCrashTests {
    enum Job: String, Sendable, CaseIterable {
        /// A push to the default branch: the whole tree scanned, killed after its check run.
        case scan
        /// A pull request opened: killed when the review is done but not recorded as done.
        case review

        var crashAt: CrashPoint { self == .scan ? .scanPublished : .jobFinished }
    }

    static func configuration(for session: ForgeSession, port: Int, keyFile: URL) throws -> URL {
        let config = session.cache.appending(path: "shipshape.yaml")
        try """
        server: {host: 127.0.0.1, port: \(port)}
        queue: {sqlite: \(session.cache.path)/queue.sqlite}
        workers: 1
        leaseSeconds: 3
        cacheDir: \(session.cache.path)/cache
        events: {scanDefaultBranch: true}
        forges:
          github:
            url: \(session.forge.baseURL.absoluteString)
            app: {id: 4242, privateKey: {file: \(keyFile.path)}}
            webhookSecret: {env: CRASH_SECRET}
        """.write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    @Test(arguments: Job.allCases)
    func aJobKilledAfterItsCheckRunLeavesOneCheckRun(_ job: Job) async throws {
        let session = try ForgeSession(.github, gitToken: false)
        defer { session.shutdown() }
        let key = try OpenSSLTool.generateRSAKey()
        session.forge.state.enableGitHubApp(appID: "4242", installationID: 77) { [publicKey = key.publicKey] in
            OpenSSLTool.verifiesRS256($0, publicKey: publicKey)
        }
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        let head = session.scenario.headSHA
        try FileManager.default.createDirectory(at: session.cache, withIntermediateDirectories: true)
        let keyFile = session.cache.appending(path: "app.pem")
        try key.privateKey.write(to: keyFile, atomically: true, encoding: .utf8)
        let port = try freePort()
        let config = try Self.configuration(for: session, port: port, keyFile: keyFile)

        let first = try WorkerCrashTests.serve(config: config, crashAt: job.crashAt)
        defer { if first.isRunning { first.terminate() } }
        try await WorkerCrashTests.waitForHealth(port: port)
        switch job {
        case .scan:
            let delivery = try GitHubDeliveries.push(ref: "refs/heads/main", after: head)
            #expect(try await WorkerCrashTests.deliver(event: "push", body: delivery, port: port) == 202)
        case .review:
            let delivery = try GitHubDeliveries.pullRequest(action: "opened", number: session.number, headSHA: head)
            #expect(try await WorkerCrashTests.deliver(event: "pull_request", body: delivery, port: port) == 202)
        }
        try await CrashPointTests.waitUntil("the service killed itself at \(job.crashAt.rawValue)") { !first.isRunning }
        #expect(
            first.terminationReason == .uncaughtSignal && first.terminationStatus == SIGKILL,
            "died at the step, by SIGKILL")
        let before = session.forge.state.checkRuns(repository: ForgeSession.repository, sha: head)
        #expect(before.count == 1, "the first process published its check run")
        let annotations = (before.first?["annotations"] as? [Any])?.count ?? 0
        #expect(annotations > 0)

        let second = try WorkerCrashTests.serve(config: config)
        defer {
            second.terminate()
            second.waitUntilExit()
        }
        let queue = try WorkerCrashTests.queue(of: session)
        try await CrashPointTests.waitUntil("the job ran again to its end") { try await queue.depth()[.done] == 1 }
        #expect((try await queue.depth()[.dead] ?? 0) == 0, "no job gave up")

        let runs = session.forge.state.checkRuns(repository: ForgeSession.repository, sha: head)
        #expect(runs.count == 1, "one check run of the name on the commit, not \(runs.count)")
        #expect(runs.first?["name"] as? String == "shipshape")
        #expect(runs.first?["conclusion"] as? String == "failure")
        #expect((runs.first?["annotations"] as? [Any])?.count == annotations, "no annotation twice")
        let requests = session.forge.state.exchanges.map { "\($0.request.method) \($0.request.path)" }
        #expect(
            requests.contains("PATCH /repos/acme/shop/check-runs/\(runs.first?["id"] as? Int ?? 0)"),
            "the second process updated the run")
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }
}
