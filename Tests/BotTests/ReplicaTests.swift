import Foundation
import PostgresNIO
import ShipshapeTesting
import Testing

@testable import Bot

/// Two `shipshape serve` processes sharing one PostgreSQL queue (a schema of their own, named in
/// the URL's `options`), each taking deliveries: every job runs once, on one replica, and one
/// replica leads the scheduler.
@Suite(.serialized) struct ReplicaTests {
    static let pullRequests = 4

    @Test func twoReplicasRunEachJobOnceAndOneLeadsTheScheduler() async throws {
        let schema = "replicas_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresAdmin.run("CREATE SCHEMA \(schema)")
        do {
            try await Self.run(schema: schema)
        } catch {
            try? await PostgresAdmin.run("DROP SCHEMA \(schema) CASCADE")
            throw error
        }
        try await PostgresAdmin.run("DROP SCHEMA \(schema) CASCADE")
    }

    static func run(schema: String) async throws {
        let base = try PostgresAdmin.url()
        let url = base + (base.contains("?") ? "&" : "?") + "options=-c%20search_path%3D\(schema)"
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([CommandJobTests.file: PullRequestScenario.problematic])
        // More pull requests with the same head: jobs for both replicas to share.
        let files = try session.scenario.patches().map {
            TestForgeState.SeededFile(path: $0.path, status: $0.status, patch: $0.patch)
        }
        for index in 2...pullRequests {
            _ = session.forge.state.openPullRequest(
                repository: ForgeSession.repository, author: "alice", title: "Change \(index)", baseBranch: "main",
                baseSHA: session.scenario.baseSHA, headBranch: "pr", headSHA: session.scenario.headSHA, files: files)
        }
        let schedule =
            #"schedules: [{name: branch, kind: scan, cron: "* * * * *", repositories: ["github:acme/shop"]}]"#
        var replicas: [(process: Process, port: Int)] = []
        defer {
            for replica in replicas {
                replica.process.terminate()
                replica.process.waitUntilExit()
            }
        }
        for name in ["one.yaml", "two.yaml"] {
            let port = try freePort()
            let config = try WorkerCrashTests.configuration(
                for: session, port: port, name: name, queue: "{postgres: {env: REPLICA_QUEUE_URL}}",
                more: schedule)
            replicas.append((try WorkerCrashTests.serve(config: config, environment: ["REPLICA_QUEUE_URL": url]), port))
        }
        for replica in replicas { try await WorkerCrashTests.waitForHealth(port: replica.port) }
        for number in 1...pullRequests {
            let body = try GitHubDeliveries.pullRequest(
                action: "opened", number: number, headSHA: session.scenario.headSHA)
            #expect(
                try await WorkerCrashTests.deliver(event: "pull_request", body: body, port: replicas[number % 2].port)
                    == 202)
        }

        let queue = try await PostgresJobQueue(configuration: PostgresJobQueue.configuration(url: url))
        do {
            try await expectEachJobOnce(queue: queue, session: session, schema: schema)
        } catch {
            await queue.shutdown()
            throw error
        }
        await queue.shutdown()
    }

    static func expectEachJobOnce(queue: PostgresJobQueue, session: ForgeSession, schema: String) async throws {
        // The scheduler fires at the next minute: a scan job joins the reviews.
        try await CrashPointTests.waitUntil("every review and a scheduled scan done") {
            try await queue.depth()[.done] ?? 0 > pullRequests
        }
        var jobs: [JobRecord] = []
        while let job = try await queue.job(id: Int64(jobs.count + 1)) { jobs.append(job) }
        #expect(jobs.filter { $0.kind == .review }.count == pullRequests)
        for job in jobs where job.state == .done { #expect(job.attempts == 1, "job \(job.id) (\(job.kind)) ran once") }
        let owners = Set(
            jobs.compactMap { $0.leaseOwner.map { String($0.split(separator: "-").dropLast().joined(separator: "-")) } }
        )
        #expect(owners.count == 2, "both replicas worked: \(owners)")

        let leaders = try await queue.client.withConnection { connection in
            try await connection.query(
                """
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
                  AND classid = \(Int64(PostgresLeadership.schedulerLock.key))::oid
                  AND objid = ((hashtext(\(schema))::bigint + 4294967296) % 4294967296)::oid
                """, logger: queue.logger
            ).collect().first?.decode(Int64.self)
        }
        #expect(leaders == 1, "one replica holds the scheduler's lock")
        for number in 1...pullRequests {
            let inline = session.forge.state.inlineComments(repository: ForgeSession.repository, pullRequest: number)
                .compactMap { $0["body"] as? String }
            #expect(inline.count == 20 && Set(inline).count == 20, "pull request \(number): each comment once")
        }
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }
}
