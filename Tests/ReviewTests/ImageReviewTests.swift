import Foundation
import GitKit
import HTTPKit
import Manifests
import Policy
import ShipshapeTesting
import Testing
import Upgrades
import Vulnerabilities

@testable import Review

/// A pull request that changes an image: the new image is read from a real `docker-registry`,
/// matched against OSV records written here, and commented on the line that pins it with what the
/// old image did not have, and the newer allowed tag that fixes it.
@Suite(.serialized) struct ImageReviewTests {
    /// `VulnerableImages.advisories`, imported from an OSV export archive on disk.
    static func advisoryDatabase() async throws -> AdvisoryDatabase {
        let database = try AdvisoryDatabase(path: nil)
        let archive = try VulnerableImages.advisoryArchive()
        defer { try? FileManager.default.removeItem(at: archive) }
        _ = try await OSVExportImporter(http: CurlHTTPClient()).importExport(
            from: archive.path, into: database, now: Date())
        return database
    }

    static func imageReview(database: AdvisoryDatabase, layers: LayerCache) -> ImageVulnerabilityReview {
        let http = CurlHTTPClient()
        let lookup = VersionLookup(
            registry: RegistryClient(http: http), helm: HelmRepositoryClient(http: http, cache: DiskCache(folder: nil)),
            cache: DiskCache(folder: nil))
        let allowed = AllowedTags(planner: UpgradePlanner(settings: UpgradeSettings(), lookup: lookup))
        let scanner = ImageScanner(
            reader: ImageContentsReader(registry: RegistryClient(http: http), cache: layers),
            matcher: VulnerabilityMatcher(database: database))
        return ImageVulnerabilityReview(
            scanner: scanner, minimumSeverity: .high,
            fixingTags: FixingTagSearch(scanner: scanner, minimumSeverity: .high, allowedTags: { await allowed($0) }))
    }

    @Test func aChangedImageIsCommentedWithWhatItBringsAndTheTagThatFixesIt() async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try VulnerableImages.pushWeb(to: registry)
        let database = try await Self.advisoryDatabase()

        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("shop")
        try fixture.write(
            VulnerableImages.deployment("web", image: "\(registry.host)/team/web:1.0"), to: "apps/web.yaml",
            in: upstream.work)
        // Never read: the pull request does not change the image (and the registry has no such image).
        try fixture.write(
            VulnerableImages.deployment("old", image: "\(registry.host)/team/untouched:1"), to: "apps/old.yaml",
            in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "base")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        try fixture.write(
            VulnerableImages.deployment("web", image: "\(registry.host)/team/web:1.1"), to: "apps/web.yaml",
            in: upstream.work)
        try fixture.write(
            VulnerableImages.deployment("gone", image: "\(registry.host)/team/missing:2"), to: "apps/gone.yaml",
            in: upstream.work)
        // Changed, but not its image: still not read.
        try fixture.write(
            VulnerableImages.deployment("renamed", image: "\(registry.host)/team/untouched:1"), to: "apps/old.yaml",
            in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "pr", refspecs: [])

        let engine = ReviewEngine(
            defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations())
        let repository = try Repository.open(at: upstream.work)
        var review = try engine.review(ReviewRequest(base: "main", head: "pr"), in: repository)
        let changed = try engine.changedImages(in: review, repository: repository)
        #expect(
            changed.map(\.image.description).sorted() == [
                "\(registry.host)/team/missing:2", "\(registry.host)/team/web:1.1",
            ])
        #expect(changed.first { $0.image.repository == "team/web" }?.previous?.tag == "1.0")

        let layers = LayerCache()
        review.add(await Self.imageReview(database: database, layers: layers).review(changed))
        let images = review.comments.filter { $0.finding.checkID == "vulnerableImage" }.map(\.finding)
        #expect(images.count == 2)
        let web = try #require(images.first { $0.file == "apps/web.yaml" })
        #expect(web.position.line == 9 && web.severity == .danger)
        #expect(
            web.message.contains(
                "`\(registry.host)/team/web:1.1` has 1 known vulnerability that `\(registry.host)/team/web:1.0` did not have"
            ))
        #expect(
            web.message.contains(
                "- ALPINE-CVE-2024-5535 (CVE-2024-5535), high: libcrypto3 3.3.0-r2 installed, fixed in 3.3.1-r1"),
            "\(web.message)")
        #expect(web.message.contains("Tag `1.2` fixes ALPINE-CVE-2024-5535."))
        #expect(!web.message.contains("ALPINE-CVE-2024-0727"), "below the threshold")
        #expect(!web.message.contains("ALPINE-CVE-2023-42363"), "the old image had it too")
        let gone = try #require(images.first { $0.file == "apps/gone.yaml" })
        #expect(gone.severity == .warning && gone.message.contains("could not be scanned"), "\(gone.message)")
        #expect(review.runtimeChecks.contains { $0.id == "vulnerableImage" })
        let requested = try registry.requestLog().joined(separator: "\n")
        #expect(!requested.contains("team/untouched"), "unchanged images are not scanned")
        // 1.0 (the old image), 1.1 and 1.2 share no layer: three layers read, each once.
        #expect(await layers.reads == 3)
    }
}
