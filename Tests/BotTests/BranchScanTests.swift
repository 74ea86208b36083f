import Bot
import Forge
import Foundation
import GitKit
import Policy
import Review
import ShipshapeTesting
import Testing
import Vulnerabilities

/// A scan of a pushed commit: every manifest judged, the verdict on the commit.
@Suite struct BranchScanTests {
    @Test(arguments: [TestForgeState.Flavor.github, .gitlab])
    func aCleanBranchSucceedsAndABranchWithDangerFails(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let engine = ReviewEngine(
            defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations())
        let scan = BranchScan(
            forge: try session.client(), mirrors: MirrorCache(directory: session.cache.path), engine: engine)

        let clean = try await scan.run(revision: session.scenario.baseSHA)
        #expect(clean.conclusion == .success)
        #expect(session.latestStatus(of: session.scenario.baseSHA) == "success")

        let dirty = try await scan.run(revision: session.scenario.headSHA)
        #expect(dirty.conclusion == .failure)
        #expect(dirty.title.contains("danger"))
        #expect(dirty.annotations.first?.level == .failure, "the worst findings first")
        #expect(session.latestStatus(of: session.scenario.headSHA) == (flavor == .gitlab ? "failed" : "failure"))
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }

    @Test func theScanIsKeptForTheDashboardWithEveryFindingsPlace() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let engine = ReviewEngine(
            defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations())
        let queue = try SQLiteJobQueue(path: session.cache.appending(path: "queue.sqlite").path)
        let now = Date(timeIntervalSince1970: 1_760_000_000)
        var scan = BranchScan(
            forge: try session.client(), mirrors: MirrorCache(directory: session.cache.path), engine: engine)
        scan.history = ScanHistoryRecorder(history: queue, retention: ScanRetention(), now: { now })

        let check = try await scan.run(revision: session.scenario.headSHA)
        let stored = try #require(try await queue.latestScans().first)
        #expect(stored.forge == "github" && stored.commit == check.headSHA && stored.scannedAt == now)
        #expect(stored.repository == (try session.client()).repository.fullName)
        #expect(stored.dangers > 0 && stored.objectsChecked > 0 && stored.checksRun >= Catalogue.all.count)
        let findings = try await queue.findings(scan: stored.id)
        #expect(findings.count == stored.dangers + stored.warnings)
        #expect(findings.allSatisfy { $0.file == "apps/shop/web.yaml" && $0.line > 0 })
        #expect(findings.contains { $0.namespace != "" || $0.object.contains("/") })
    }
}

/// A scan of the default branch with images configured: every image it pins is read from a real
/// `docker-registry` and its results stored for the repository, replacing the previous scan.
@Suite struct BranchImageScanTests {
    @Test func everyPinnedImageIsScannedAndStored() async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try VulnerableImages.pushWeb(to: registry)
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([
            "apps/shop/web.yaml": VulnerableImages.deployment("web", image: "\(registry.host)/team/web:1.1"),
            "apps/shop/old.yaml": VulnerableImages.deployment("old", image: "\(registry.host)/team/web:1.0"),
        ])
        let engine = ReviewEngine(
            defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations())
        let forge = try session.client()
        var scan = BranchScan(forge: forge, mirrors: MirrorCache(directory: session.cache.path), engine: engine)
        let images = try await VulnerabilityFixtures.setup()
        scan.imageIssue = ImageVulnerabilityIssue(forge: forge, images: images, templates: try CommentTemplates())

        _ = try await scan.run(revision: session.scenario.headSHA)
        let stored = try await images.imageScans.scans(of: "github:acme/shop")
        let web = try #require(stored.first { $0.result.image.hasSuffix("team/web:1.1") })
        #expect(web.revision == session.scenario.headSHA)
        #expect(web.result.locations.first?.hasPrefix("apps/shop/web.yaml:9:") == true, "\(web.result.locations)")
        #expect(
            Set(web.result.vulnerabilities.map(\.advisory)) == [
                "ALPINE-CVE-2024-5535", "ALPINE-CVE-2023-42363", "ALPINE-CVE-2024-0727",
            ])
        let old = try #require(stored.first { $0.result.image.hasSuffix("team/web:1.0") })
        #expect(old.result.vulnerabilities.map(\.advisory) == ["ALPINE-CVE-2023-42363", "ALPINE-CVE-2024-0727"])

        // The base pins no image of the registry: the next scan replaces these rows.
        _ = try await scan.run(revision: session.scenario.baseSHA)
        let after = try await images.imageScans.scans(of: "github:acme/shop")
        #expect(!after.contains { $0.result.image.contains("team/web") })
    }
}
