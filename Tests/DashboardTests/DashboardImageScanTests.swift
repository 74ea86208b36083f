import Bot
import Dashboard
import Foundation
import Testing

@testable import Vulnerabilities

/// The repository page's vulnerable images, read from image scans recorded in a real advisory
/// database (an SQLite file) the way the branch scans record them.
@Suite struct DashboardImageScanTests {
    static let revision = "fedcba9876543210fedcba9876543210fedcba98"

    static func vulnerability(
        _ advisory: String, _ severity: Vulnerabilities.Severity, package name: String, fixed: String?
    ) -> Vulnerability {
        Vulnerability(
            advisory: advisory, aliases: [], summary: nil, severity: severity, score: nil,
            package: InstalledPackage(name: name, version: "3.3.0-r2", kind: .alpine, foundIn: "lib/apk/db/installed"),
            installedVersion: "3.3.0-r2", fixedVersion: fixed, ecosystem: "Alpine:v3.20")
    }

    static let results = [
        ImageScanResult(
            image: "registry.example/shop/web:1.2", locations: ["apps/shop/web.yaml:18:16", "apps/shop/job.yaml:9:14"],
            distribution: "alpine 3.20", packageCount: 15,
            vulnerabilities: [
                vulnerability("ALPINE-CVE-2024-0001", .medium, package: "busybox", fixed: nil),
                vulnerability("ALPINE-CVE-2024-5535", .critical, package: "openssl", fixed: "3.3.1-r1"),
            ]),
        ImageScanResult(
            image: "registry.example/shop/gone:1", locations: ["apps/shop/worker.yaml:7:16"],
            error: "registry.example answered 404 <not found> for the manifest"),
    ]

    /// Records `results` for github:acme/shop in a fresh advisory database file; also another
    /// repository's, which the page must not show.
    static func database(in folder: URL) async throws -> AdvisoryDatabase {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try AdvisoryDatabase(path: folder.appending(path: "advisories.sqlite").path)
        try await database.record(results, repository: "github:acme/shop", revision: revision, at: Date())
        try await database.record(
            [ImageScanResult(image: "registry.example/secret:9", locations: ["a.yaml:1:1"])],
            repository: "github:acme/secret", revision: revision, at: Date())
        return database
    }

    @Test func theRepositoryPageListsEachImagesVulnerabilitiesWorstFirst() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-images-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dashboard = try await RunningDashboard(imageScans: try await Self.database(in: folder))
        defer { Task { await dashboard.stop() } }
        try await dashboard.queue.record(
            DashboardPagesTests.scan("acme/shop", at: dashboard.clock.now, findings: []), retention: ScanRetention())

        let page = try await dashboard.get("/dashboard/repositories/github/acme/shop", as: "alice").body
        #expect(page.contains("Vulnerable images"))
        #expect(page.contains("From the image scan of <code>fedcba987654</code>"))
        #expect(page.contains("1 of 2 images vulnerable."))
        #expect(
            page.contains(
                "<a href=\"https://github.com/acme/shop/blob/\(Self.revision)/apps/shop/web.yaml#L18\">apps/shop/web.yaml:18</a>"
            ))
        #expect(page.contains("apps/shop/job.yaml#L9\">apps/shop/job.yaml:9</a>"))
        #expect(page.contains("<span class=\"critical\">1 critical</span> <span class=\"medium\">1 medium</span>"))
        let critical = try #require(page.range(of: "<td>ALPINE-CVE-2024-5535</td><td>openssl</td>"))
        let medium = try #require(page.range(of: "<td>ALPINE-CVE-2024-0001</td><td>busybox</td>"))
        #expect(critical.lowerBound < medium.lowerBound, "worst first")
        #expect(page.contains("<td><code>3.3.0-r2</code></td><td><code>3.3.1-r1</code></td>"))
        #expect(page.contains("<code>no fix</code>"))
        #expect(page.contains("Could not be read: registry.example answered 404 &lt;not found&gt; for the manifest"))
        #expect(!page.contains("registry.example/secret"))
    }

    @Test func withoutImageScansTheSectionIsAbsent() async throws {
        let dashboard = try await RunningDashboard()
        defer { Task { await dashboard.stop() } }
        try await dashboard.queue.record(
            DashboardPagesTests.scan("acme/shop", at: dashboard.clock.now, findings: []), retention: ScanRetention())
        let page = try await dashboard.get("/dashboard/repositories/github/acme/shop", as: "alice")
        #expect(page.status == 200)
        #expect(!page.body.contains("Vulnerable images") && !page.body.contains("image scan"))
    }

    @Test func aRepositoryWithoutAnImageScanSaysSo() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-images-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try AdvisoryDatabase(path: folder.appending(path: "advisories.sqlite").path)
        let dashboard = try await RunningDashboard(imageScans: database)
        defer { Task { await dashboard.stop() } }
        try await dashboard.queue.record(
            DashboardPagesTests.scan("acme/shop", at: dashboard.clock.now, findings: []), retention: ScanRetention())
        let page = try await dashboard.get("/dashboard/repositories/github/acme/shop", as: "alice").body
        #expect(page.contains("No image scan has run for this repository."))
    }
}
