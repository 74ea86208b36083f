import Foundation
import ShipshapeTesting
import Testing

@testable import Vulnerabilities

/// The three report formats, as golden files (RECORD_GOLDEN=1 rewrites them).
struct ImageScanReportTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Golden")

    static let report: ImageScanReport = {
        let imported = Date(timeIntervalSince1970: 1_800_000_000)
        let openssl = InstalledPackage(
            name: "libssl3", version: "3.0.9-1", sourceName: "openssl", sourceVersion: "3.0.9-1", kind: .debian,
            foundIn: "var/lib/dpkg/status")
        let text = InstalledPackage(
            name: "golang.org/x/text", version: "v0.3.7", kind: .goModule, foundIn: "app/server")
        let api = ImageScanResult(
            image: "ghcr.io/team/api:1.4.2", locations: ["deploy/api.yaml:21:18", "deploy/worker.yaml:9:18"],
            manifestDigest: "sha256:" + String(repeating: "a", count: 64),
            platform: "linux/amd64", distribution: "Debian GNU/Linux 12 (bookworm)", packageCount: 96,
            vulnerabilities: [
                Vulnerability(
                    advisory: "GO-2022-1059", aliases: ["CVE-2022-32149"],
                    summary: "Denial of service via crafted Accept-Language header",
                    severity: .high, score: 7.5, package: text, installedVersion: "v0.3.7", fixedVersion: "0.3.8",
                    ecosystem: "Go"),
                Vulnerability(
                    advisory: "DSA-5532-1", aliases: ["CVE-2023-5363"], summary: "openssl - security update",
                    severity: .unknown, score: nil,
                    package: openssl, installedVersion: "3.0.9-1", fixedVersion: "3.0.11-1~deb12u2",
                    ecosystem: "Debian:12"),
            ])
        let broken = ImageScanResult(
            image: "ghcr.io/team/broken:1", locations: ["deploy/broken.yaml:7:18"],
            error: "layer sha256:beef is not valid gzip data (incorrect header check, near byte 0)")
        return ImageScanReport(
            generatedAt: imported.addingTimeInterval(3 * 86400),
            advisoryImports: [
                .init(
                    export: "Debian", source: "https://osv-vulnerabilities.storage.googleapis.com/Debian/all.zip",
                    importedAt: imported, records: 61234),
                .init(
                    export: "Go", source: "Go/all.zip", importedAt: imported.addingTimeInterval(86400), records: 3012),
            ], minimumSeverity: .unknown, images: [api, broken])
    }()

    @Test func text() throws {
        try GoldenFile.check(Self.report.text, against: Self.golden.appending(path: "report.txt"))
    }
    @Test func json() throws {
        try GoldenFile.check(try Self.report.json(), against: Self.golden.appending(path: "report.json"))
    }
    @Test func sarif() throws {
        try GoldenFile.check(try Self.report.sarif(), against: Self.golden.appending(path: "report.sarif"))
    }

    @Test func severityFilterKeepsOnlyWhatIsAtOrAbove() {
        let high = ImageScanReport(
            generatedAt: Self.report.generatedAt, advisoryImports: [], minimumSeverity: .high,
            images: Self.report.images)
        #expect(high.images[0].vulnerabilities.map(\.advisory) == ["GO-2022-1059"])
        #expect(high.text.hasPrefix("Advisory data: none imported"))
    }
}
