import Bot
import Foundation
import HTTPKit
import ShipshapeTesting
import Testing
import Vulnerabilities

/// OSV export archives imported from a file and from a loopback HTTP server into each advisory
/// store (the SQLite file of the CLI and a single service, the PostgreSQL queue's database that
/// replicas share), then matched against installed packages.
@Suite struct AdvisoryStoreTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: [Backend.sqlite, .postgres])
    func importsAFileAndReportsBadRecordsByEntry(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let scratch = try Scratch("osv-import")
            defer { scratch.remove() }
            let file = try scratch.write("Debian/all.zip", OSVExportArchive.zip(SampleAdvisories.debian))
            let database = try await store.advisories()
            let summary = try await OSVExportImporter(http: CurlHTTPClient()).importExport(
                from: file.path, into: database, now: Self.now)
            #expect(summary.export == "Debian")
            #expect(summary.imported == 4)
            #expect(summary.problems == ["broken.json: not an OSV record (missing id)"])
            let imports = try await database.imports()
            #expect(
                imports.map(\.export) == ["Debian"] && imports.first?.importedAt == Self.now
                    && imports.first?.records == 3,
                "the withdrawn record is left out")
            #expect(
                try await database.records(affecting: ["openssl"]).map(\.id) == [
                    "DEBIAN-CVE-2024-2511", "DSA-5417-1", "DSA-5532-1",
                ])
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func importsFromAURLAndAReimportReplacesTheExport(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let first = try OSVExportArchive.zip(SampleAdvisories.go)
            let second = try OSVExportArchive.zip([
                "GO-2022-1059.json": SampleAdvisories.go["GO-2022-1059.json"]!.replacingOccurrences(
                    of: "0.3.8", with: "0.3.9")
            ])
            let served = Counter()
            let server = try LoopbackHTTPServer { request in
                guard request.path == "/Go/all.zip" else { return .respond(ServedResponse(status: 404)) }
                return .respond(ServedResponse(status: 200, body: served.next() == 0 ? first : second))
            }
            defer { server.shutdown() }
            let database = try await store.advisories()
            let importer = OSVExportImporter(http: CurlHTTPClient())
            let url = server.baseURL.appending(path: "Go/all.zip").absoluteString
            _ = try await importer.importExport(from: url, into: database, now: Self.now)
            _ = try await importer.importExport(from: url, into: database, now: Self.now.addingTimeInterval(3600))
            let records = try await database.records(affecting: ["golang.org/x/text"])
            #expect(records.count == 1)
            #expect(records.first?.affected?.first?.ranges?.first?.events.last?.fixed == "0.3.9")
            #expect(try await database.imports().first?.importedAt == Self.now.addingTimeInterval(3600))
            let missing = await #expect(throws: AdvisoryImportError.self) {
                try await importer.importExport(
                    from: server.baseURL.appending(path: "Nope/all.zip").absoluteString, into: database, now: Self.now)
            }
            #expect(missing?.reason == "the server answered 404")
            #expect(
                try await database.records(affecting: ["golang.org/x/text"]).count == 1,
                "a failed import leaves the data whole")
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func matchesSourcePackagesBinaryPackagesAndGoModules(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let database = try await store.advisories()
            let importer = OSVExportImporter(http: CurlHTTPClient())
            let scratch = try Scratch("osv-match")
            defer { scratch.remove() }
            for (name, records) in [
                ("Debian", SampleAdvisories.debian), ("Go", SampleAdvisories.go), ("Red Hat", SampleAdvisories.redHat),
            ] {
                let file = try scratch.write("\(name)/all.zip", OSVExportArchive.zip(records))
                _ = try await importer.importExport(from: file.path, into: database, now: Self.now)
            }
            let matcher = VulnerabilityMatcher(database: database)
            let debian = PackageInventory(
                distribution: OSRelease(id: "debian", versionID: "12"),
                packages: [
                    InstalledPackage(
                        name: "libssl3", version: "3.0.9-1", sourceName: "openssl", sourceVersion: "3.0.9-1",
                        kind: .debian,
                        foundIn: "var/lib/dpkg/status"),
                    InstalledPackage(name: "stdlib", version: "1.19.8", kind: .goModule, foundIn: "app/hello"),
                    InstalledPackage(
                        name: "golang.org/x/text", version: "v0.3.7", kind: .goModule, foundIn: "app/hello"),
                ])
            let found = try await matcher.match(debian)
            #expect(
                found.vulnerabilities.map(\.advisory) == ["GO-2022-1059", "DEBIAN-CVE-2024-2511", "DSA-5532-1"],
                "worst first; Debian 11's advisory does not apply")
            #expect(found.vulnerabilities.map(\.severity) == [.high, .low, .unknown])
            #expect(found.vulnerabilities.map(\.fixedVersion) == ["0.3.8", nil, "3.0.11-1~deb12u2"])
            #expect(
                found.vulnerabilities[2].package.name == "libssl3"
                    && found.vulnerabilities[2].aliases == ["CVE-2023-5363"])

            let fixed = PackageInventory(
                distribution: OSRelease(id: "debian", versionID: "12"),
                packages: [
                    InstalledPackage(
                        name: "libssl3", version: "3.0.11-1~deb12u2", sourceName: "openssl",
                        sourceVersion: "3.0.11-1~deb12u2", kind: .debian, foundIn: "s")
                ])
            #expect(try await matcher.match(fixed).vulnerabilities.map(\.advisory) == ["DEBIAN-CVE-2024-2511"])

            let redHat = PackageInventory(
                distribution: OSRelease(id: "rhel", versionID: "9.4"),
                packages: [
                    InstalledPackage(
                        name: "openssl-libs", version: "1:3.0.7-24.el9", sourceName: "openssl",
                        sourceVersion: "1:3.0.7-24.el9", kind: .rpm, foundIn: "r")
                ])
            let rhsa = try await matcher.match(redHat).vulnerabilities
            #expect(
                rhsa.map(\.advisory) == ["RHSA-2024:2447"] && rhsa.first?.severity == .medium
                    && rhsa.first?.score == 5.3)

            let unknown = PackageInventory(
                distribution: OSRelease(id: "gentoo", versionID: nil),
                packages: [
                    InstalledPackage(name: "openssl", version: "3.0.0", kind: .debian, foundIn: "x")
                ])
            #expect(
                try await matcher.match(unknown).notes == [
                    "the distribution (gentoo) has no OSV ecosystem; its packages were not matched"
                ])
        }
    }
}

/// How many times a server handler ran (handlers run on the server's thread).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
