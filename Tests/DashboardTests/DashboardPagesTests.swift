import Bot
import Dashboard
import Foundation
import ShipshapeTesting
import Testing

/// The pages as a browser meets them: a real server on loopback, a real SQLite queue, a fixed sign-in.
@Suite struct DashboardPagesTests {
    static let commit = "0123456789abcdef0123456789abcdef01234567"

    static func scan(_ repository: String, at date: Date, findings: [ScanFinding]) -> ScanRecord {
        ScanRecord(
            forge: "github", repository: repository, commit: commit, scannedAt: date, objectsChecked: 10,
            checksRun: 20, findings: findings)
    }

    static let findings = [
        ScanFinding(
            check: "runAsRootAllowed", severity: .danger, category: "Security", file: "apps/shop/web.yaml", line: 14,
            namespace: "shop", object: "Deployment/web", message: "Should not be allowed to run as root"),
        ScanFinding(
            check: "cpuLimitsMissing", severity: .warning, category: "Efficiency", file: "apps/shop/web.yaml",
            line: 22, namespace: "shop", object: "Deployment/web", message: "<script>alert('x')</script> limits"),
    ]

    @Test func nobodySignedInIsSentToTheSignInAndComesBackAfterwards() async throws {
        let dashboard = try await RunningDashboard()
        defer { Task { await dashboard.stop() } }
        for path in ["/dashboard/", "/dashboard/jobs", "/dashboard/repositories/github/acme/shop"] {
            let response = try await dashboard.get(path, as: nil)
            #expect(response.status == 303)
            #expect(response.location == "/dashboard/sign-in?next=" + path)
        }
        let withQuery = try await dashboard.get("/dashboard/jobs?notice=retried", as: "mallory")
        #expect(withQuery.location == "/dashboard/sign-in?next=/dashboard/jobs%3Fnotice%3Dretried")
        #expect(try await dashboard.post("/dashboard/jobs/1/retry", form: "csrf=x", as: nil).status == 303)
    }

    @Test func theOverviewListsOnlyRepositoriesTheViewerMayRead() async throws {
        let dashboard = try await RunningDashboard()
        defer { Task { await dashboard.stop() } }
        let start = dashboard.clock.now
        try await dashboard.queue.record(
            Self.scan("acme/shop", at: start, findings: []), retention: ScanRetention())
        try await dashboard.queue.record(
            Self.scan("acme/shop", at: start.addingTimeInterval(3_600), findings: Self.findings),
            retention: ScanRetention())
        try await dashboard.queue.record(
            Self.scan("acme/secret", at: start, findings: Self.findings), retention: ScanRetention())

        let alice = try await dashboard.get("/dashboard/", as: "alice")
        #expect(alice.status == 200)
        #expect(alice.body.contains("github:acme/shop"))
        #expect(alice.body.contains("href=\"/dashboard/repositories/github/acme/shop\""))
        #expect(!alice.body.contains("secret"))
        // 200 checks, 2 failing: 2·198 / (2·198 + 1 + 2) = 99.2 %.
        #expect(alice.body.contains("<span class=\"score good\">99</span>"))
        #expect(alice.body.contains("<svg") && alice.body.contains("<polyline"))
        #expect(!alice.body.contains("<script") && !alice.body.contains("src="))
        #expect(try await dashboard.get("/dashboard/", as: "root").body.contains("github:acme/secret"))
    }

    @Test func theRepositoryPageLinksEveryFindingToTheScannedCommit() async throws {
        let dashboard = try await RunningDashboard()
        defer { Task { await dashboard.stop() } }
        try await dashboard.queue.record(
            Self.scan("acme/shop", at: dashboard.clock.now, findings: Self.findings), retention: ScanRetention())
        try await dashboard.queue.record(
            OutdatedReport(
                forge: "github", repository: "acme/shop", commit: Self.commit, scannedAt: dashboard.clock.now,
                dependencies: [
                    OutdatedDependency(
                        kind: .chart, addOn: "cert-manager", name: "cert-manager", file: "infra/cert-manager.yaml",
                        line: 9, current: "v1.14.0", newestAllowed: "v1.17.1", pullRequest: 42)
                ]))

        let page = try await dashboard.get("/dashboard/repositories/github/acme/shop", as: "alice")
        #expect(page.status == 200)
        #expect(
            page.body.contains(
                "<a href=\"https://github.com/acme/shop/blob/\(Self.commit)/apps/shop/web.yaml#L14\">apps/shop/web.yaml:14</a>"
            ))
        let path = "/dashboard/repositories/github/acme/shop"
        let number = "<td class=\"number\">1</td>"
        #expect(page.body.contains("<td><a href=\"\(path)?category=Security\">Security</a></td>" + number))
        #expect(page.body.contains("<td><a href=\"\(path)?namespace=shop\">shop</a></td>" + number + number))
        #expect(
            page.body.contains(
                "<td class=\"danger\"><a href=\"\(path)?check=runAsRootAllowed\">runAsRootAllowed</a></td>"))
        #expect(page.body.contains("&lt;script&gt;alert("))
        #expect(!page.body.contains("<script>"))
        #expect(page.body.contains("<a href=\"https://github.com/acme/shop/pull/42\">#42</a>"))
        #expect(page.body.contains("v1.17.1"))
        #expect(page.body.contains("https://github.com/acme/shop/commit/\(Self.commit)"))
        #expect(page.body.contains("<circle"))
    }

    @Test func aRepositoryTheViewerCannotReadIsNotFoundLikeOneThatDoesNotExist() async throws {
        let dashboard = try await RunningDashboard()
        defer { Task { await dashboard.stop() } }
        try await dashboard.queue.record(
            Self.scan("acme/secret", at: dashboard.clock.now, findings: Self.findings), retention: ScanRetention())
        let hidden = try await dashboard.get("/dashboard/repositories/github/acme/secret", as: "alice")
        let missing = try await dashboard.get("/dashboard/repositories/github/acme/nothing", as: "alice")
        #expect(hidden.status == 404 && missing.status == 404)
        #expect(hidden.body == missing.body)
        #expect(try await dashboard.get("/dashboard/repositories/github/acme/secret", as: "root").status == 200)
    }

    @Test func theJobsPageShowsDepthAndDeadJobsOfReadableRepositories() async throws {
        let dashboard = try await RunningDashboard()
        defer { Task { await dashboard.stop() } }
        let shop = try await dashboard.deadJob("acme/shop", error: "forge said 502 <bad gateway>")
        _ = try await dashboard.deadJob("acme/secret", error: "secret failure")

        let alice = try await dashboard.get("/dashboard/jobs", as: "alice")
        #expect(alice.status == 200)
        #expect(alice.body.contains("<td class=\"number\">\(shop)</td>"))
        #expect(alice.body.contains("forge said 502 &lt;bad gateway&gt;"))
        #expect(!alice.body.contains("secret"))
        #expect(!alice.body.contains("<form"), "only admins retry")
        #expect(alice.body.contains("<th class=\"number\">dead</th>"))

        let root = try await dashboard.get("/dashboard/jobs", as: "root")
        #expect(root.body.contains("secret failure"))
        #expect(root.body.contains("action=\"/dashboard/jobs/\(shop)/retry\""))
        #expect(root.body.contains("name=\"csrf\" value=\"root-token\""))
    }

    @Test func aDeadJobIsRetriedOnlyByAnAdminWithTheRightToken() async throws {
        let dashboard = try await RunningDashboard()
        defer { Task { await dashboard.stop() } }
        let id = try await dashboard.deadJob("acme/shop", error: "timeout")
        let path = "/dashboard/jobs/\(id)/retry"
        #expect(try await dashboard.post(path, form: "csrf=alice-token", as: "alice").status == 403)
        #expect(try await dashboard.post(path, form: "", as: "root").status == 403)
        #expect(try await dashboard.post(path, form: "csrf=alice-token", as: "root").status == 403)
        #expect(try await dashboard.queue.job(id: id)?.state == .dead)

        let retried = try await dashboard.post(path, form: "other=1&csrf=root-token", as: "root")
        #expect(retried.status == 303 && retried.location == "/dashboard/jobs?notice=retried")
        #expect(try await dashboard.queue.job(id: id)?.state == .pending)
        let again = try await dashboard.post(path, form: "csrf=root-token", as: "root")
        #expect(again.location == "/dashboard/jobs?notice=not-dead")
        #expect(try await dashboard.get("/dashboard/jobs?notice=retried", as: "root").body.contains("pending again"))
        #expect(
            try await dashboard.post("/dashboard/jobs/999/retry", form: "csrf=root-token", as: "root").status == 404)
    }
}

/// A queue with more dead jobs than a page lists: 100 a page, newest first, page 2 the rest.
@Suite struct JobPagesTests {
    @Test func deadJobsAreListedAHundredAPage() async throws {
        let dashboard = try await RunningDashboard()
        defer { Task { await dashboard.stop() } }
        var ids: [Int64] = []
        for index in 0..<130 { ids.append(try await dashboard.deadJob("acme/shop", error: "failure \(index)")) }
        let row = { (id: Int64) in "<tr><td class=\"number\">\(id)</td><td>scan</td>" }

        let first = try await dashboard.get("/dashboard/jobs", as: "root").body
        #expect(first.contains("Page 1 of 2 (130 dead) · <a href=\"/dashboard/jobs?dead=2\">next</a>"))
        #expect(first.components(separatedBy: "<td class=\"error\">").count - 1 == 100)
        #expect(first.contains(row(ids[129])) && first.contains(row(ids[30])) && !first.contains(row(ids[29])))

        let second = try await dashboard.get("/dashboard/jobs?dead=2", as: "root").body
        #expect(second.contains("Page 2 of 2 (130 dead) · <a href=\"/dashboard/jobs\">previous</a></p>"))
        #expect(second.components(separatedBy: "<td class=\"error\">").count - 1 == 30)
        #expect(second.contains(row(ids[29])) && second.contains(row(ids[0])) && !second.contains(row(ids[30])))
        // Past the last page is the last page; a page that is no number is the first.
        #expect(
            try await dashboard.get("/dashboard/jobs?dead=999999999999999999999", as: "root").body.contains(
                "Page 1 of 2"))
        #expect(try await dashboard.get("/dashboard/jobs?dead=7&running=-3", as: "root").body.contains("Page 2 of 2"))
    }
}

/// A branch with more findings than a page lists: counts over all of them, the list a page at a time.
@Suite struct FindingPagesTests {
    @Test func findingsAreListedAPageAtATimeAndFilteredByTheirGroups() async throws {
        let dashboard = try await RunningDashboard()
        defer { Task { await dashboard.stop() } }
        let findings = (0..<450).map { index in
            ScanFinding(
                check: index < 50 ? "hostNetworkSet" : "cpuLimitsMissing", severity: index < 50 ? .danger : .warning,
                category: index < 50 ? "Security" : "Efficiency", file: "apps/app-\(index).yaml", line: 3,
                namespace: index % 2 == 0 ? "even" : "", object: "Deployment/app-\(index)", message: "m")
        }
        try await dashboard.queue.record(
            DashboardPagesTests.scan("acme/shop", at: dashboard.clock.now, findings: findings),
            retention: ScanRetention())
        let path = "/dashboard/repositories/github/acme/shop"

        let first = try await dashboard.get(path, as: "alice").body
        #expect(first.contains("1–200 of 450"))
        #expect(first.components(separatedBy: "<td class=\"danger\">danger</td>").count - 1 == 50)
        #expect(first.contains("<a href=\"\(path)?page=2\">next</a>"))
        #expect(first.contains("<a href=\"\(path)?check=hostNetworkSet\">hostNetworkSet</a>"))
        #expect(first.contains("<a href=\"\(path)?namespace=\">(none)</a>"))

        let last = try await dashboard.get(path + "?page=3", as: "alice").body
        #expect(last.contains("401–450 of 450") && last.contains("?page=2\">previous</a>"))
        #expect(!last.contains("next</a>"))
        let beyond = try await dashboard.get(path + "?page=99", as: "alice").body
        #expect(beyond.contains("401–450 of 450"))

        let security = try await dashboard.get(path + "?category=Security", as: "alice").body
        #expect(security.contains("1–50 of 50") && security.contains("Only category Security"))
        let unnamed = try await dashboard.get(path + "?namespace=&check=cpuLimitsMissing", as: "alice").body
        #expect(unnamed.contains("1–200 of 200"))
        #expect(unnamed.contains("Only check cpuLimitsMissing, namespace (none)"))
    }
}

/// The overview asks the forge about its repositories several at a time: each answer here waits
/// until eight questions are open at once, which never happens when they are asked one by one
/// (the test then hits its time limit).
@Suite struct ReadQuestionsTests {
    actor Gate {
        let opening: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []
        private(set) var open = 0

        init(opening: Int) { self.opening = opening }

        func pass() async {
            open += 1
            if open >= opening {
                for continuation in waiting { continuation.resume() }
                waiting = []
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    struct GatedAccess: DashboardAccess {
        let gate: Gate

        func viewer(cookieHeader: String?) async -> DashboardViewer? { FixedAccess.alice }

        func canRead(_ viewer: DashboardViewer, forge: String, repository: String) async -> Bool {
            await gate.pass()
            return repository != "acme/r3"
        }
    }

    @Test(.timeLimit(.minutes(1))) func theOverviewAsksAboutEightRepositoriesAtOnce() async throws {
        let gate = Gate(opening: 8)
        let dashboard = try await RunningDashboard(access: GatedAccess(gate: gate))
        defer { Task { await dashboard.stop() } }
        for index in 0..<12 {
            try await dashboard.queue.record(
                DashboardPagesTests.scan("acme/r\(index)", at: dashboard.clock.now, findings: []),
                retention: ScanRetention())
        }
        let page = try await dashboard.get("/dashboard/", as: "alice").body
        #expect(page.contains("github:acme/r0") && page.contains("github:acme/r11"))
        #expect(!page.contains("github:acme/r3<"))
        #expect(await gate.open == 12)
    }

    /// A store that fails names its file in its error; the page says only that the data could not
    /// be read, and the file's path stays in the log.
    @Test func aFailingStoreIsA503ThatDoesNotNameTheStore() async throws {
        let dashboard = try await RunningDashboard()
        defer { Task { await dashboard.stop() } }
        try await dashboard.queue.record(
            DashboardPagesTests.scan("acme/shop", at: dashboard.clock.now, findings: DashboardPagesTests.findings),
            retention: ScanRetention())
        let database = dashboard.folder.appending(path: "queue.sqlite").path
        let dropped = try await ProcessRunner.runOnThread(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.close()",
                database, "DROP TABLE scan_findings; DROP TABLE scans;",
            ])
        #expect(dropped.status == 0, "\(dropped.output)")

        let page = try await dashboard.get("/dashboard/", as: "alice")
        #expect(page.status == 503)
        #expect(page.body.contains("cannot read its data"))
        #expect(!page.body.contains(dashboard.folder.path))
        #expect(!page.body.contains("queue.sqlite"))
    }
}
