import Bot
import Foundation
import Logging
import PostgresNIO
import Testing

@testable import Vulnerabilities

/// A dashboard reading a repository's image scan while the next scan replaces it gets the one or
/// the other whole. The reader is held at the findings' table (a lock taken from outside) while
/// the replacement commits: read as two statements, the scans came back from before it and their
/// findings from after, so a vulnerable image showed as clean.
@Suite struct ImageScanReadSnapshotTests {
    @Test func aScanReplacedWhileItIsReadIsReadWholeOrNotAtAll() async throws {
        try await QueueStore.with(.postgres) { store in
            let schema = try #require(store.schema)
            let archive = try await store.advisories()
            let repository = "github:acme/shop"
            try await archive.record(
                ImageScanArchiveTests.results, repository: repository, revision: "abc",
                at: ImageScanArchiveTests.scannedAt)
            try await PostgresAdmin.withClient { client, quiet in
                let (released, release) = AsyncStream<Void>.makeStream()
                defer { release.finish() }
                // The next scan's replacement, as `record` makes it (its findings go with their
                // scans), behind a lock that holds every reader of the findings until it commits.
                let replaced = Task {
                    try await client.withTransaction(logger: quiet) { connection in
                        try await connection.query(
                            PostgresQuery(
                                unsafeSQL: "LOCK TABLE \(schema).image_vulnerability IN ACCESS EXCLUSIVE MODE"),
                            logger: quiet)
                        for await _ in released { break }
                        try await connection.query(
                            PostgresQuery(
                                unsafeSQL: "DELETE FROM \(schema).image_scan WHERE repository = '\(repository)'"),
                            logger: quiet)
                    }
                }
                try await CrashPointTests.waitUntil("the findings' table is locked") {
                    try await Self.locks(on: "\(schema).image_vulnerability", granted: true, client, quiet) > 0
                }
                let read = Task { try await archive.scans(of: repository) }
                try await CrashPointTests.waitUntil("the read waits for the findings' table") {
                    try await Self.locks(on: "\(schema).image_vulnerability", granted: false, client, quiet) > 0
                }
                release.finish()
                try await replaced.value
                let stored = try await read.value.map(\.result)
                #expect(
                    stored.isEmpty || stored == ImageScanArchiveTests.results,
                    "read before or after the replacement, never half of each")
            }
        }
    }

    static func locks(on table: String, granted: Bool, _ client: PostgresClient, _ logger: Logger) async throws
        -> Int64
    {
        let rows = try await client.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT count(*) FROM pg_locks WHERE granted = \(granted) AND relation = '\(table)'::regclass
                    """), logger: logger)
        var count: Int64 = 0
        for try await value in rows.decode(Int64.self) { count = value }
        return count
    }
}
