import Foundation
import ShipshapeTesting
import Testing

/// `shipshape scan-images` as a user runs it: the built binary, a configuration file whose
/// `upgrades.mirrors` sends a registry's images to a real `docker-registry` on loopback acting as
/// its mirror, OSV records written here imported from an archive.
@Suite struct ScanImagesCommandTests {
    @Test func imagesOfAMirroredRegistryAreScannedFromTheMirror() async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try VulnerableImages.pushWeb(to: registry, repository: "cache/team/web")
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try VulnerableImages.advisoryArchive()
        defer { try? FileManager.default.removeItem(at: archive) }
        try VulnerableImages.deployment("web", image: "registry.shipshape.invalid/team/web:1.1").write(
            to: folder.appending(path: "web.yaml"), atomically: true, encoding: .utf8)
        try "upgrades:\n  mirrors:\n    registry.shipshape.invalid: \(registry.host)/cache\n".write(
            to: folder.appending(path: "shipshape.yaml"), atomically: true, encoding: .utf8)
        let arguments = [
            "scan-images", folder.appending(path: "web.yaml").path, "--severity", "high",
            "--advisories", folder.appending(path: "advisories.sqlite").path, "--import-advisories", archive.path,
            "--no-cache",
        ]

        let mirrored = try await ProcessRunner.runOnThread(
            ReviewCommandTests.binary, arguments + ["--config", folder.appending(path: "shipshape.yaml").path])
        #expect(mirrored.status == 0, "\(mirrored.output)")
        #expect(mirrored.output.contains("registry.shipshape.invalid/team/web:1.1 ("), "\(mirrored.output)")
        #expect(mirrored.output.contains("high     ALPINE-CVE-2024-5535"), "\(mirrored.output)")
        // The tags are listed from the mirror too, so the nearest tag with fewer is found there.
        #expect(mirrored.output.contains("  upgrade: Tag `1.2` fixes ALPINE-CVE-2024-5535"), "\(mirrored.output)")
        let requested = try registry.requestLog()
        #expect(
            requested.contains("/v2/cache/team/web/manifests/1.1")
                && requested.contains { $0.contains("/v2/cache/team/web/tags/list") })

        // Without the configuration the original registry is asked, which does not resolve.
        let direct = try await ProcessRunner.runOnThread(ReviewCommandTests.binary, arguments)
        #expect(direct.status == 0 && direct.output.contains("error: "), "\(direct.output)")
    }
}
