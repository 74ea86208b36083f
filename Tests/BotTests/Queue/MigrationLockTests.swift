import Bot
import Foundation
import Logging
import PostgresNIO
import Testing

/// Queues in different schemas of one database start independently: a migration that cannot go on
/// in one schema (here its index waits for a table lock; in the full test suite, a process slow to
/// send its COMMIT) holds up only queues of that schema. With one database-wide migration lock,
/// every queue of the database waited for it and gave up after a minute ("create the jobs table …
/// no answer within 60 s").
@Suite struct MigrationLockTests {
    @Test func aStuckMigrationInOneSchemaDoesNotHoldUpAnother() async throws {
        try await QueueStore.with(.postgres) { stuck in
            try await QueueStore.with(.postgres) { other in
                let schema = try #require(stuck.schema)
                _ = try await stuck.open()
                let quiet = Logger(label: "shipshape.tests.migration-lock", factory: { _ in SwiftLogNoOpLogHandler() })
                let client = PostgresClient(
                    configuration: try PostgresJobQueue.configuration(url: PostgresAdmin.url()), backgroundLogger: quiet
                )
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await client.run() }
                    defer { group.cancelAll() }
                    let (released, release) = AsyncStream<Void>.makeStream()
                    defer { release.finish() }
                    // Holds the stuck schema's jobs table so that a migration there waits at its first index.
                    group.addTask {
                        try await client.withTransaction(logger: quiet) { connection in
                            try await connection.query(
                                PostgresQuery(unsafeSQL: "LOCK TABLE \(schema).jobs IN ACCESS EXCLUSIVE MODE"),
                                logger: quiet)
                            for await _ in released { break }
                        }
                    }
                    let second = Task { try await stuck.open() }
                    try await CrashPointTests.waitUntil("a migration in \(schema) waits for the table lock") {
                        let rows = try await client.query(
                            PostgresQuery(
                                unsafeSQL: """
                                    SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = '\(schema).jobs'::regclass
                                    """), logger: quiet)
                        var waiting: Int64 = 0
                        for try await count in rows.decode(Int64.self) { waiting = count }
                        return waiting > 0
                    }
                    let opened = try await other.open()
                    #expect(
                        try await opened.depth().values.reduce(0, +) == 0,
                        "the other schema's queue opened while the migration was stuck")
                    release.finish()
                    _ = try await second.value
                }
            }
        }
    }
}
