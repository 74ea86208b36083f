import Bot
import Dashboard
import Foundation
import Testing

@testable import Vulnerabilities

/// What a repository controls reaches the pages as text, never as markup: file paths, messages,
/// namespaces, objects, check names (a Kyverno rule's), image names and the page's own query.
@Suite struct DashboardHostileInputTests {
    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=alert(1)>"

    static let findings = [
        ScanFinding(
            check: "rule-\(script)", severity: .danger, category: "Security\(image)",
            file: "apps/\"><svg onload=alert(1)>/x?y#z.yaml", line: 3, namespace: "ns\(script)",
            object: "Deployment/\(image)", message: "message \(script) \"quoted\" 'single'")
    ]

    /// Every `href="…"` of a page: each must go to the dashboard or the forge, never to a script.
    static func links(_ page: String) -> [String] {
        page.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// An advisory database file in a fresh `folder` holding `results` as `repository`'s last
    /// branch scan (the caller removes the folder).
    static func images(_ results: [ImageScanResult], of repository: String, in folder: URL) async throws
        -> AdvisoryDatabase
    {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let images = try AdvisoryDatabase(path: folder.appending(path: "advisories.sqlite").path)
        try await images.record(results, repository: repository, revision: DashboardPagesTests.commit, at: Date())
        return images
    }

    @Test func repositoryControlledTextIsEscapedEverywhereOnThePage() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let images = try await Self.images(
            [
                ImageScanResult(
                    image: "registry.example/\(Self.script)", locations: ["apps/\(Self.image).yaml:4:9"],
                    distribution: Self.script, error: "answered \(Self.image)")
            ], of: "github:acme/shop", in: folder)
        let dashboard = try await RunningDashboard(imageScans: images)
        defer { Task { await dashboard.stop() } }
        try await dashboard.queue.record(
            DashboardPagesTests.scan("acme/shop", at: dashboard.clock.now, findings: Self.findings),
            retention: ScanRetention())
        _ = try await dashboard.deadJob("acme/shop", error: "clone failed: \(Self.script)")
        let path = "/dashboard/repositories/github/acme/shop"

        let pages = [
            try await dashboard.get(path, as: "alice").body,
            try await dashboard.get(path + "?category=%3Cscript%3Ealert(1)%3C%2Fscript%3E&page=-4", as: "alice").body,
            try await dashboard.get(path + "?check=rule-" + Self.script, as: "alice").body,
            try await dashboard.get("/dashboard/", as: "alice").body,
            try await dashboard.get("/dashboard/jobs", as: "root").body,
        ]
        for page in pages {
            #expect(!page.contains("<script") && !page.contains("<img") && !page.contains("<svg onload"))
            for link in Self.links(page) {
                #expect(link.hasPrefix("/dashboard/") || link.hasPrefix("https://github.com/acme/shop/"), "\(link)")
            }
        }
        #expect(pages[0].contains("message &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39;"))
        #expect(
            pages[0].contains(
                "https://github.com/acme/shop/blob/\(DashboardPagesTests.commit)/apps/%22%3E%3Csvg%20onload%3Dalert(1)%3E/x%3Fy%23z.yaml#L3"
            ))
        #expect(pages[1].contains("Only category &lt;script&gt;alert(1)&lt;/script&gt;") && pages[1].contains("0 of 0"))
        #expect(pages[2].contains("1–1 of 1"))
        #expect(pages[4].contains("clone failed: &lt;script&gt;"))
    }

    /// An empty text is no value: an image that was read says nothing of a failure, and a finding
    /// of a forge the bot has no address for is not a link to the page itself.
    @Test func emptyFieldsAreLeftOutNotShownEmpty() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let images = try await Self.images(
            [ImageScanResult(image: "registry.example/clean:1", locations: ["a.yaml:1:1"])], of: "gitea:acme/shop",
            in: folder)
        let dashboard = try await RunningDashboard(
            access: FixedAccess(readable: ["alice": ["gitea:acme/shop"]]), imageScans: images)
        defer { Task { await dashboard.stop() } }
        var scan = DashboardPagesTests.scan("acme/shop", at: dashboard.clock.now, findings: Self.findings)
        scan.forge = "gitea"
        try await dashboard.queue.record(scan, retention: ScanRetention())

        let page = try await dashboard.get("/dashboard/repositories/gitea/acme/shop", as: "alice").body
        #expect(page.contains("<code>registry.example/clean:1</code>"))
        #expect(!page.contains("Could not be read"))
        #expect(!page.contains("<code>registry.example/clean:1</code> ()"))
        #expect(!page.contains("href=\"\""))
        #expect(page.contains("No known vulnerabilities."))
    }

    /// An image with hundreds of advisories lists the worst hundred and counts the rest; a job's
    /// long last error is shown cut.
    @Test func largeImageResultsAndJobErrorsAreShownCut() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let vulnerabilities = (0..<250).map { index in
            DashboardImageScanTests.vulnerability(
                String(format: "CVE-2024-%04d", index), index < 10 ? .critical : .low, package: "pkg", fixed: nil)
        }
        let images = try await Self.images(
            [
                ImageScanResult(
                    image: "registry.example/big:1", locations: ["a.yaml:1:1"], vulnerabilities: vulnerabilities)
            ],
            of: "github:acme/shop", in: folder)
        let dashboard = try await RunningDashboard(imageScans: images)
        defer { Task { await dashboard.stop() } }
        try await dashboard.queue.record(
            DashboardPagesTests.scan("acme/shop", at: dashboard.clock.now, findings: []), retention: ScanRetention())
        _ = try await dashboard.deadJob("acme/shop", error: String(repeating: "e", count: 100_000))

        let page = try await dashboard.get("/dashboard/repositories/github/acme/shop", as: "alice").body
        #expect(page.contains("<span class=\"critical\">10 critical</span> <span class=\"low\">240 low</span>"))
        #expect(page.components(separatedBy: "<td>CVE-2024-").count - 1 == 100)
        #expect(page.contains("<td>CVE-2024-0009</td>") && page.contains("… and 150 more"))
        let jobs = try await dashboard.get("/dashboard/jobs", as: "alice").body
        #expect(jobs.contains(String(repeating: "e", count: 1_999) + "…</td>"))
        #expect(!jobs.contains(String(repeating: "e", count: 2_000)))
    }
}
