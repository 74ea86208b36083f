import Bot
import Foundation
import Testing

@testable import Vulnerabilities

/// The branch scans' image results kept in each store (the SQLite advisory file, the PostgreSQL
/// queue replicas share): a repository's scan read back as recorded, replaced whole by the next,
/// and no other repository's touched.
@Suite struct ImageScanArchiveTests {
    static let scannedAt = Date(timeIntervalSince1970: 1_800_000_000)

    static let results = [
        ImageScanResult(
            image: "registry.example/shop/web:1.2", locations: ["apps/web.yaml:18:16", "apps/job.yaml:9:14"],
            manifestDigest: "sha256:" + String(repeating: "ab", count: 32), platform: "linux/amd64",
            distribution: "alpine 3.20", packageCount: 15,
            vulnerabilities: [
                Vulnerability(
                    advisory: "ALPINE-CVE-2024-5535", aliases: ["CVE-2024-5535"], summary: "openssl: buffer over-read",
                    severity: .critical, score: 9.1,
                    package: InstalledPackage(
                        name: "libcrypto3", version: "3.3.0-r2", sourceName: "openssl", sourceVersion: "3.3.0-r2",
                        kind: .alpine, foundIn: "lib/apk/db/installed"),
                    installedVersion: "3.3.0-r2", fixedVersion: "3.3.1-r1", ecosystem: "Alpine:v3.20"),
                Vulnerability(
                    advisory: "ALPINE-CVE-2024-0001", aliases: [], summary: nil, severity: .medium, score: nil,
                    package: InstalledPackage(
                        name: "busybox", version: "1.36.1-r29", kind: .alpine, foundIn: "lib/apk/db/installed"),
                    installedVersion: "1.36.1-r29", fixedVersion: nil, ecosystem: "Alpine:v3.20"),
            ],
            notes: ["app/hello: a Go binary without build information"]),
        ImageScanResult(
            image: "registry.example/shop/gone:1", locations: ["apps/worker.yaml:7:16"],
            error: "registry.example answered 404 for the manifest"),
    ]

    @Test(arguments: [Backend.sqlite, .postgres])
    func aRepositorysScanIsReadBackAndReplacedWhole(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let archive = try await store.advisories()
            try await archive.record(Self.results, repository: "github:acme/shop", revision: "abc", at: Self.scannedAt)
            try await archive.record(
                [ImageScanResult(image: "registry.example/secret:9", locations: ["a.yaml:1:1"])],
                repository: "github:acme/secret", revision: "def", at: Self.scannedAt)

            let stored = try await archive.scans(of: "github:acme/shop")
            #expect(stored.map(\.result) == Self.results)
            #expect(stored.allSatisfy { $0.revision == "abc" && $0.scannedAt == Self.scannedAt })

            let later = Self.scannedAt.addingTimeInterval(3_600)
            try await archive.record([Self.results[1]], repository: "github:acme/shop", revision: "b2", at: later)
            #expect(try await archive.scans(of: "github:acme/shop").map(\.result) == [Self.results[1]])
            #expect(try await archive.scans(of: "github:acme/secret").map(\.revision) == ["def"])
            #expect(try await archive.scans(of: "github:acme/none").isEmpty)
        }
    }
}
