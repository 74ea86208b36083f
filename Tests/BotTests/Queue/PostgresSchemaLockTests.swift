@testable import Bot
import Logging
import PostgresNIO
import Testing

/// Queues in different schemas of one database (test runs, deployments sharing a server) take
/// their migration lock per schema. With one lock for the whole database, fifteen test queues
/// once waited behind one slow migration until their 60 s start-up limit ran out.
@Suite struct PostgresSchemaLockTests {
    @Test func anotherSchemasMigrationDoesNotHoldThisOne() async throws {
        try await QueueStore.with(.postgres) { other in
            try await QueueStore.with(.postgres) { store in
                let otherSchema = try #require(other.schema)
                let quiet = Logger(label: "shipshape.tests.schema-lock", factory: { _ in SwiftLogNoOpLogHandler() })
                let client = PostgresClient(configuration: try PostgresJobQueue.configuration(url: PostgresAdmin.url()), backgroundLogger: quiet)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await client.run() }
                    defer { group.cancelAll() }
                    try await client.withConnection { connection in
                        // The other schema's migration is under way (its lock held)...
                        try await connection.query("SELECT pg_advisory_lock(\(PostgresJobQueue.migrationLockKey), hashtext(\(otherSchema)))", logger: quiet)
                        // ...and this schema's queue still opens, creating its tables.
                        let queue = try await store.open()
                        #expect(try await queue.depth().values.reduce(0, +) == 0)
                        try await connection.query("SELECT pg_advisory_unlock(\(PostgresJobQueue.migrationLockKey), hashtext(\(otherSchema)))", logger: quiet)
                    }
                }
            }
        }
    }
}
