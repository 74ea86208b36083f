import Foundation
import HTTPKit
import ShipshapeTesting
import Testing
import Upgrades

@testable import Vulnerabilities

/// From files that pin images to vulnerabilities with file:line: the upgrade scan finds the
/// images, the registry serves them, the advisory database matches them.
@Suite(.serialized) struct ImageScannerTests {
    @Test func scansEveryPinnedImageAndACorruptOneDoesNotStopTheOthers() async throws {
        let scratch = try Scratch("scan")
        defer { scratch.remove() }
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try registry.pushImage(repository: "team/api", tag: "1.0", layers: [try ImageFolders.debianBase(in: scratch)])
        try registry.pushImage(repository: "team/edge", tag: "3.20", layers: [try ImageFolders.alpine(in: scratch)])
        try registry.pushImage(
            repository: "team/broken", tag: "1",
            layers: [LayerArchive(data: Data([0x1f, 0x8b, 8, 0] + Array("not deflate data at all".utf8)))])
        try scratch.write(
            "deploy/app.yaml",
            text: """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          image: \(registry.host)/team/api:1.0
                        - name: edge
                          image: \(registry.host)/team/edge:3.20
                        - name: broken
                          image: \(registry.host)/team/broken:1

                """)
        let database = try AdvisoryDatabase(path: nil)
        let importer = OSVExportImporter(http: CurlHTTPClient())
        let imported = Date(timeIntervalSince1970: 1_800_000_000)
        for (name, records) in [("Debian", SampleAdvisories.debian), ("Alpine", SampleAdvisories.alpine)] {
            let file = try scratch.write("osv/\(name)/all.zip", OSVExportArchive.zip(records))
            _ = try await importer.importExport(from: file.path, into: database, now: imported)
        }
        let detection = try DependencyScanner.scan([scratch.url.appending(path: "deploy").path])
        let images = ImageScanner.images(in: detection)
        #expect(images.map(\.image.repository) == ["team/api", "team/edge", "team/broken"])
        let scanner = ImageScanner(
            reader: ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient())),
            matcher: VulnerabilityMatcher(database: database))
        let results = await scanner.scan(images)
        #expect(results.map(\.image) == images.map(\.image.description))
        #expect(
            results[0].locations.count == 1 && results[0].locations[0].contains("deploy/app.yaml:9:"),
            "\(results[0].locations)")
        #expect(results[0].error == nil && results[1].error == nil)
        // This machine's openssl has no fix for the Debian CVE record, and is newer than DSA-5532-1's fix.
        // One finding per binary package built from openssl (libssl3, openssl, ...), as dpkg-query lists them.
        let opensslPackages = try ProcessRunner.tool(
            "dpkg-query", ["-W", "-f", "${db:Status-Status} ${source:Package}\n"]
        ).output
            .split(separator: "\n").filter { $0 == "installed openssl" }.count
        #expect(opensslPackages > 0)
        #expect(
            results[0].vulnerabilities.map(\.advisory)
                == Array(repeating: "DEBIAN-CVE-2024-2511", count: opensslPackages))
        #expect(results[0].vulnerabilities.allSatisfy { $0.package.sourceName == "openssl" && $0.fixedVersion == nil })
        #expect(results[1].vulnerabilities.map(\.advisory) == ["ALPINE-CVE-2024-5535"])
        #expect(
            results[1].vulnerabilities.first?.fixedVersion == "3.3.1-r1"
                && results[1].vulnerabilities.first?.installedVersion == "3.3.0-r2")
        let broken = try #require(results[2].error)
        #expect(broken.hasPrefix("layer sha256:") && broken.contains("is not valid gzip data"), "\(broken)")

        let report = ImageScanReport(
            generatedAt: imported.addingTimeInterval(7200), advisoryImports: try await database.imports(),
            minimumSeverity: .unknown, images: results)
        #expect(
            report.text.hasPrefix(
                "Advisory data: Alpine (1 records, imported 2027-01-15T08:00:00Z, 2 h old); Debian (3 records, imported 2027-01-15T08:00:00Z, 2 h old)\n"
            ))
        #expect(report.advisoryDataAge == 7200)
    }
}
