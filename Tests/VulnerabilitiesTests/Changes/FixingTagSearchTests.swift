import Foundation
import HTTPKit
import ShipshapeTesting
import Testing
import Upgrades

@testable import Vulnerabilities

/// The nearest allowed tag with fewer vulnerabilities: `team/app` 2.0 to 2.3 from a real
/// `docker-registry` (2.1 no better, 2.2 fixed, 2.3 the newest and worse), OSV records written here.
@Suite(.serialized) struct FixingTagSearchTests {
    struct Fixture {
        let registry: RegistryFixture
        let database: AdvisoryDatabase
        let layers = LayerCache()

        static func start() async throws -> Fixture {
            let registry = try RegistryFixture.start()
            do {
                try VulnerableImages.pushApp(to: registry)
                let database = try AdvisoryDatabase(path: nil)
                let archive = try VulnerableImages.advisoryArchive()
                defer { try? FileManager.default.removeItem(at: archive) }
                _ = try await OSVExportImporter(http: CurlHTTPClient()).importExport(
                    from: archive.path, into: database, now: Date())
                return Fixture(registry: registry, database: database)
            } catch {
                registry.shutdown()
                throw error
            }
        }

        var scanner: ImageScanner {
            ImageScanner(
                reader: ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient()), cache: layers),
                matcher: VulnerabilityMatcher(database: database))
        }

        func search(minimumSeverity: Severity = .high, limit: Int = FixingTagSearch.defaultLimit) -> FixingTagSearch {
            let http = CurlHTTPClient()
            let lookup = VersionLookup(
                registry: RegistryClient(http: http),
                helm: HelmRepositoryClient(http: http, cache: DiskCache(folder: nil)), cache: DiskCache(folder: nil))
            let allowed = AllowedTags(planner: UpgradePlanner(settings: UpgradeSettings(), lookup: lookup))
            return FixingTagSearch(
                scanner: scanner, minimumSeverity: minimumSeverity, limit: limit, allowedTags: { await allowed($0) })
        }

        /// The files pinning `team/app` at `tag`, as the upgrade scan finds them.
        func detection(tag: String) -> DetectionReport {
            let text = VulnerableImages.deployment("app", image: "\(registry.host)/team/app:\(tag)")
            return DependencyScanner.scan(contents: [(path: "apps/app.yaml", bytes: Array(text.utf8))])
        }

        func dependency(tag: String) throws -> Dependency {
            try #require(detection(tag: tag).dependencies.first)
        }

        func vulnerabilities(tag: String) async throws -> [Vulnerability] {
            let image = try #require(ImageScanner.image(of: try dependency(tag: tag)))
            let result = await scanner.scan(image, locations: [])
            #expect(result.error == nil, "\(result.error ?? "")")
            return result.vulnerabilities
        }
    }

    @Test func theNearestTagWithFewerIsChosenOverAWorseNewestOne() async throws {
        let fixture = try await Fixture.start()
        defer { fixture.registry.shutdown() }
        let current = try await fixture.vulnerabilities(tag: "2.0")
        #expect(current.contains { $0.advisory == "ALPINE-CVE-2024-5535" })

        let found = try #require(await fixture.search().search(try fixture.dependency(tag: "2.0"), current: current))
        #expect(found.tag == "2.2", "2.3 fixes it too but brings ALPINE-CVE-2023-42363: \(found)")
        #expect(found.fixes == ["ALPINE-CVE-2024-5535"] && found.remaining.isEmpty)
        #expect(found.scanned == ["2.1", "2.2"] && found.allowedCount == 3 && !found.stoppedAtBound)
        #expect(found.sentence == "Tag `2.2` fixes ALPINE-CVE-2024-5535. Nearer allowed tags have no fewer: `2.1`.")
        // Nearest first, stopped at the answer: the newest tag is never read; the shared base layer is read once.
        let requested = try fixture.registry.requestLog().joined(separator: "\n")
        #expect(!requested.contains("/manifests/2.3"), "\(requested)")
        #expect(await fixture.layers.reads == 4, "the base and the package layers of 2.0, 2.1 and 2.2")
    }

    @Test func theBoundStopsTheSearchAndSaysSo() async throws {
        let fixture = try await Fixture.start()
        defer { fixture.registry.shutdown() }
        let current = try await fixture.vulnerabilities(tag: "2.0")

        let found = try #require(
            await fixture.search(limit: 1).search(try fixture.dependency(tag: "2.0"), current: current))
        #expect(found.tag == nil && found.scanned == ["2.1"] && found.stoppedAtBound)
        #expect(found.remaining == ["ALPINE-CVE-2024-5535"])
        #expect(
            found.sentence
                == "The nearest of 3 newer allowed tags (`2.1`) has no fewer of them; the search stopped there (it scans at most 1 tag)."
        )
        var two = found
        two.scanned = ["2.1", "2.2"]
        #expect(two.sentence.hasPrefix("The 2 nearest of 3 newer allowed tags (`2.1` to `2.2`) have no fewer"))

        #expect(await fixture.search(limit: 0).search(try fixture.dependency(tag: "2.0"), current: current) == nil)
    }

    /// 2.2's only vulnerability at or above low is also in 2.3, which brings a critical one: no better tag.
    @Test func aNewerTagThatBringsNewVulnerabilitiesIsNotBetter() async throws {
        let fixture = try await Fixture.start()
        defer { fixture.registry.shutdown() }
        let current = try await fixture.vulnerabilities(tag: "2.2")
        #expect(current.map(\.advisory) == ["ALPINE-CVE-2024-0727"])

        let search = fixture.search(minimumSeverity: .low)
        let found = try #require(await search.search(try fixture.dependency(tag: "2.2"), current: current))
        #expect(found.tag == nil && found.scanned == ["2.3"] && !found.stoppedAtBound)
        #expect(found.sentence == "No newer allowed tag has fewer of them (scanned `2.3`).")
        // 2.3 alone: it fixes 2.0's high advisory but brings a critical one, so it is not better.
        let current20 = try await fixture.vulnerabilities(tag: "2.0")
        var onlyNewest = fixture.search()
        onlyNewest.allowedTags = { _ in ["2.3"] }
        let refused = try #require(await onlyNewest.search(try fixture.dependency(tag: "2.0"), current: current20))
        #expect(refused.tag == nil && refused.remaining == ["ALPINE-CVE-2024-5535"], "\(refused)")
        // A tag that cannot be read is scanned in vain, and said.
        var missing = fixture.search()
        missing.allowedTags = { _ in ["2.1.9", "2.2"] }
        let skipped = try #require(await missing.search(try fixture.dependency(tag: "2.0"), current: current20))
        #expect(skipped.tag == "2.2" && skipped.unreadable == ["2.1.9"])
        #expect(skipped.sentence.hasSuffix(" Could not be read: `2.1.9`."), "\(skipped.sentence)")
        // At high, 2.2 has nothing to fix: no search.
        #expect(await fixture.search().search(try fixture.dependency(tag: "2.2"), current: current) == nil)
        // The newest tag has no newer one.
        #expect(await search.search(try fixture.dependency(tag: "2.3"), current: current) == nil)
    }

    /// A review of a change that pins 2.0 anew: the comment names 2.2, not the newest allowed tag.
    @Test func theReviewCommentNamesTheNearestTagWithFewer() async throws {
        let fixture = try await Fixture.start()
        defer { fixture.registry.shutdown() }
        let changes = ChangedImage.find(head: fixture.detection(tag: "2.0"), base: DetectionReport(dependencies: []))
        let review = ImageVulnerabilityReview(
            scanner: fixture.scanner, minimumSeverity: .high, fixingTags: fixture.search())
        let verdict = try #require(await review.review(changes).first)
        #expect(verdict.fixingTag?.tag == "2.2")
        #expect(
            verdict.message.hasSuffix(
                "\n\nTag `2.2` fixes ALPINE-CVE-2024-5535. Nearer allowed tags have no fewer: `2.1`."),
            "\(verdict.message)")
    }

    /// `scan-images`: each vulnerable image's report names the nearest tag with fewer.
    @Test func theScanReportNamesTheNearestTagWithFewer() async throws {
        let fixture = try await Fixture.start()
        defer { fixture.registry.shutdown() }
        let detection = fixture.detection(tag: "2.0")
        let results = await fixture.search().annotate(
            await fixture.scanner.scan(ImageScanner.images(in: detection)), pinnedBy: detection)
        let report = ImageScanReport(
            generatedAt: Date(), advisoryImports: [], minimumSeverity: .high, images: results)
        #expect(
            report.text.contains(
                "  upgrade: Tag `2.2` fixes ALPINE-CVE-2024-5535. Nearer allowed tags have no fewer: `2.1`.\n"),
            "\(report.text)")
        #expect(try report.json().contains("\"tag\" : \"2.2\""))
        #expect(try report.sarif().contains("tag 2.2, the nearest allowed tag with fewer vulnerabilities, fixes it"))
    }
}
