import Bot
import Foundation
import PostgresNIO
import Testing

/// What the queues are built from: retry delays, database URLs, and what their errors say.
@Suite("Job queue configuration")
struct QueueConfigurationTests {
    @Test func retryDelaysDoubleFromTheBaseUpToTheCap() {
        let settings = QueueSettings(backoffBase: .seconds(10), backoffCap: .seconds(600), backoffJitter: 0)
        let delays = (1...9).map { settings.retryDelay(afterAttempts: $0) }
        #expect(delays == [10, 20, 40, 80, 160, 320, 600, 600, 600].map { Duration.seconds($0) })
        #expect(settings.retryDelay(afterAttempts: 500) == .seconds(600))
    }

    @Test func jitterShortensADelayByAtMostItsShare() {
        let settings = QueueSettings(backoffBase: .seconds(10), backoffCap: .seconds(600), backoffJitter: 0.5)
        for _ in 0..<200 {
            let delay = settings.retryDelay(afterAttempts: 2)
            #expect(delay >= .seconds(10) && delay <= .seconds(20))
        }
    }

    @Test func readsAPostgresURL() throws {
        let configuration = try PostgresJobQueue.configuration(
            url: "postgres://bot:p%40ss@db.internal:6432/queue?sslmode=disable")
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6432)
        #expect(configuration.username == "bot")
        #expect(configuration.password == "p@ss")
        #expect(configuration.database == "queue")

        let defaults = try PostgresJobQueue.configuration(url: "postgresql://bot@db")
        #expect(defaults.port == 5432)
        #expect(defaults.password == nil)
        #expect(defaults.database == nil)

        let schema = try PostgresJobQueue.configuration(
            url: "postgres://bot@db/queue?options=-c%20search_path%3Dbot%20-cstatement_timeout=5s")
        #expect(
            schema.options.additionalStartupParameters.map { "\($0.0)=\($0.1)" } == [
                "search_path=bot", "statement_timeout=5s",
            ])
    }

    @Test(arguments: [
        "mysql://bot:pw@db/queue",
        "postgres:///queue",
        "postgres://db/queue",
        "postgres://bot:pw@db/queue?sslmode=sometimes",
        "postgres://bot:pw@db/queue?options=search_path",
    ])
    func refusesAURLItCannotUse(_ url: String) {
        let error = #expect(throws: QueueError.self) { try PostgresJobQueue.configuration(url: url) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.description.contains("pw") == false)
    }

    @Test func anUnreachableServerIsReportedWithoutThePassword() async throws {
        var configuration = try PostgresJobQueue.configuration(
            url: "postgres://bot:hunter2-secret@127.0.0.1:9/queue?sslmode=disable")
        configuration.options.connectTimeout = .milliseconds(500)
        let error = await #expect(throws: QueueError.self) {
            _ = try await PostgresJobQueue(configuration: configuration)
        }
        #expect(error?.code == .unavailable)
        #expect(error?.description.contains("bot@127.0.0.1:9/queue") == true)
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test func aSQLiteQueueCreatesItsFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-queue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try SQLiteJobQueue(path: folder.appending(path: "a/b/queue.sqlite").path)
        try await queue.ping()
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "a/b/queue.sqlite").path))
    }

    @Test func aSQLiteQueueThatCannotBeOpenedSaysWhere() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "shipshape-queue-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let error = #expect(throws: QueueError.self) {
            try SQLiteJobQueue(path: file.appending(path: "queue.sqlite").path)
        }
        #expect(error?.code == .unavailable)
        #expect(error?.description.contains(file.path) == true)
    }
}
