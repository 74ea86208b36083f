import Bot
import Foundation
import Logging
import PostgresNIO
import Testing
import Vulnerabilities

@testable import Server

/// Replicas sharing one PostgreSQL store import the same export at once (the schedule fires on
/// all of them): the imports take turns, so the store ends with one whole import, never both
/// added together or half of one, and a replica reading meanwhile sees the earlier import whole.
@Suite struct SharedAdvisoryImportTests {
    /// `count` Debian advisories, one package each, their ids starting with `prefix`.
    static func records(_ prefix: String, count: Int) throws -> [OSVRecord] {
        try (0..<count).map { index in
            let json = """
                {"id": "\(prefix)-\(index)", "aliases": ["CVE-2024-\(10_000 + index)"],
                 "affected": [{"package": {"ecosystem": "Debian:12", "name": "package\(index % 50)"},
                               "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2"}]}]}]}
                """
            return try JSONDecoder().decode(OSVRecord.self, from: Data(json.utf8))
        }
    }

    @Test func replicasImportingTogetherTakeTurns() async throws {
        try await QueueStore.with(.postgres) { store in
            let schema = try #require(store.schema)
            let first = try await store.advisories()
            let second = try await store.advisories()
            let reader = try await store.advisories()
            let names = Set((0..<50).map { "package\($0)" })
            let earlier = try Self.records("DSA-EARLIER", count: 300)
            try await first.replace(export: "Debian", with: earlier, source: "earlier", at: Date())

            let quiet = Logger(label: "shipshape.tests.advisory-import", factory: { _ in SwiftLogNoOpLogHandler() })
            let client = PostgresClient(
                configuration: try PostgresJobQueue.configuration(url: PostgresAdmin.url()), backgroundLogger: quiet)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                let (released, release) = AsyncStream<Void>.makeStream()
                defer { release.finish() }
                // Holds the import table, so both imports are under way at once and wait at their end
                // (or, taking turns, one waits there and the other for its turn).
                let (held, hold) = AsyncStream<Void>.makeStream()
                group.addTask {
                    try await client.withTransaction(logger: quiet) { connection in
                        try await connection.query(
                            PostgresQuery(unsafeSQL: "LOCK TABLE \(schema).advisory_import IN ACCESS EXCLUSIVE MODE"),
                            logger: quiet)
                        hold.finish()
                        for await _ in released { break }
                    }
                }
                for await _ in held {}
                let (a, b) = (try Self.records("DSA-A", count: 2_000), try Self.records("DSA-B", count: 1_500))
                let imports = [
                    Task { try await first.replace(export: "Debian", with: a, source: "a", at: Date()) },
                    Task { try await second.replace(export: "Debian", with: b, source: "b", at: Date()) },
                ]
                // Waiting for a lock of any kind: the import table, the import lock, or (were there no
                // import lock) the earlier import's rows the other is deleting.
                try await CrashPointTests.waitUntil("both imports wait") {
                    let rows = try await client.query(
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT count(*) FROM pg_stat_activity
                                WHERE datname = current_database() AND wait_event_type = 'Lock'
                                  AND (query LIKE '%advisory_import%' OR query LIKE '%pg_advisory_xact_lock(\(0x5348_5041),%'
                                       OR query LIKE 'DELETE FROM advisory %')
                                """), logger: quiet)
                    var waiting: Int64 = 0
                    for try await count in rows.decode(Int64.self) { waiting = count }
                    return waiting >= 2
                }
                #expect(
                    try await reader.records(affecting: names).map(\.id).sorted() == earlier.map(\.id).sorted(),
                    "a replica reading while the imports run sees the earlier import whole")
                release.finish()
                for task in imports { try await task.value }
            }

            let kept = try await reader.records(affecting: names)
            let prefixes = Set(kept.map { $0.id.split(separator: "-").dropLast().joined(separator: "-") })
            #expect(prefixes == ["DSA-A"] || prefixes == ["DSA-B"], "one import whole, not both: \(prefixes)")
            #expect(kept.count == (prefixes == ["DSA-A"] ? 2_000 : 1_500))
            let stored = try await reader.imports()
            #expect(stored.count == 1 && stored.first?.records == kept.count)
            #expect(stored.first?.source == (prefixes == ["DSA-A"] ? "a" : "b"))
            let packageRows = try await PostgresAdmin.count("SELECT count(*) FROM \(schema).affected_package")
            #expect(packageRows == Int64(kept.count), "each advisory's package once")
        }
    }
}

/// `serve` keeps advisories and branch image scans where its queue is: in the PostgreSQL queue's
/// database, which replicas share (no `advisories:` file is asked for or opened then), or in the
/// `vulnerabilities.advisories` SQLite file beside a SQLite queue.
@Suite struct ServiceAdvisoryStoreTests {
    @Test(arguments: [Backend.sqlite, .postgres])
    func theServiceKeepsAdvisoriesWhereItsQueueIs(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let folder = FileManager.default.temporaryDirectory.appending(
                path: "shipshape-service-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let advisories = folder.appending(path: "advisories.sqlite").path
            // As a person writes it: beside PostgreSQL, `vulnerabilities:` names no SQLite file.
            let sections =
                switch backend {
                case .sqlite:
                    "queue: {sqlite: \(folder.path)/queue.sqlite}\nvulnerabilities: {advisories: \(advisories)}\n"
                case .postgres: "queue: {postgres: {env: QUEUE_URL}}\nvulnerabilities: {severity: high}\n"
                }
            var configuration = try BotConfigurationReader.read(
                text: VulnerabilitySettingsTests.forge + sections, file: "shipshape.yaml",
                environment: ["QUEUE_URL": "postgres://shipshape@127.0.0.1/shipshape"], readFile: { _ in "secret\n" })
            configuration.cacheDirectory = folder.appending(path: "cache").path
            let queue = try await store.open()
            let handler = try BotService(configuration: configuration, queue: queue).makeHandler()
            let images = try #require(handler.vulnerabilities)
            switch backend {
            case .sqlite:
                #expect(images.advisories is AdvisoryDatabase && images.imageScans is AdvisoryDatabase)
                #expect(images.advisories as? AdvisoryDatabase === images.imageScans as? AdvisoryDatabase)
                #expect(FileManager.default.fileExists(atPath: advisories))
            case .postgres:
                #expect(images.advisories as? PostgresJobQueue === queue as? PostgresJobQueue)
                #expect(images.imageScans as? PostgresJobQueue === queue as? PostgresJobQueue)
                let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                #expect(!files.contains { $0.hasSuffix(".sqlite") }, "no SQLite file opened: \(files)")
            }
        }
    }
}
