import Bot
import Foundation
import Logging
import PostgresNIO
import ShipshapeTesting
import Synchronization
import Testing
import Vulnerabilities

/// The backends every queue behaviour test runs against.
enum Backend: String, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// One fresh, empty store per test: a SQLite file in its own temporary folder, or a PostgreSQL
/// schema of its own (`test_<uuid>`, dropped afterwards) so tests running together never share tables.
/// `open()` gives another queue on the same store, as a second process or replica would.
final class QueueStore: Sendable {
    static let postgresURLVariable = "SHIPSHAPE_TEST_POSTGRES_URL"

    let backend: Backend
    let clock = TestClock()
    private let location: String
    private let opened = Mutex<[PostgresJobQueue]>([])

    /// Settings small enough to walk through in a test: three attempts, 10 s doubling to 60 s, 20 % jitter.
    var settings: QueueSettings {
        let clock = clock
        return QueueSettings(
            maximumAttempts: 3, backoffBase: .seconds(10), backoffCap: .seconds(60),
            backoffJitter: 0.2, now: { clock.now })
    }

    /// The PostgreSQL schema of this store (nil for SQLite).
    var schema: String? { backend == .postgres ? location : nil }

    private init(backend: Backend, location: String) {
        self.backend = backend
        self.location = location
    }

    /// Runs `body` with a fresh store and removes the store afterwards, whether `body` threw or not.
    static func with(_ backend: Backend, _ body: (QueueStore) async throws -> Void) async throws {
        let store: QueueStore
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-queue-\(UUID().uuidString)")
            store = QueueStore(backend: .sqlite, location: folder.appending(path: "state/queue.sqlite").path)
        case .postgres:
            let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await PostgresAdmin.run("CREATE SCHEMA \(schema)")
            store = QueueStore(backend: .postgres, location: schema)
        }
        do {
            try await body(store)
        } catch {
            await store.remove()
            throw error
        }
        await store.remove()
    }

    /// A queue on this store; every one opened is shut down with the store.
    func open() async throws -> any BotDatabase {
        switch backend {
        case .sqlite:
            return try SQLiteJobQueue(path: location, settings: settings)
        case .postgres:
            var configuration = try PostgresJobQueue.configuration(url: PostgresAdmin.url())
            configuration.options.additionalStartupParameters = [("search_path", location)]
            let queue = try await PostgresJobQueue(configuration: configuration, settings: settings)
            opened.withLock { $0.append(queue) }
            return queue
        }
    }

    /// An advisory store on this store: the SQLite file of `vulnerabilities.advisories` beside the
    /// queue's, or the PostgreSQL queue itself (as a replica sharing it opens it).
    func advisories() async throws -> any AdvisoryStore & ImageScanArchive {
        switch backend {
        case .sqlite:
            let file = URL(fileURLWithPath: location).deletingLastPathComponent().appending(path: "advisories.sqlite")
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            return try AdvisoryDatabase(path: file.path)
        case .postgres:
            return try #require(try await open().sharedAdvisories())
        }
    }

    /// Makes the store refuse the readiness write, as a full disk or a read-only replica refuses
    /// writes (a trigger on the store's own table, from outside the queue).
    func refuseWrites() async throws {
        switch backend {
        case .sqlite:
            let script =
                "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                + "c.executescript('CREATE TRIGGER refuse_insert BEFORE INSERT ON readiness BEGIN SELECT RAISE(ABORT, \\'disk full\\'); END; "
                + "CREATE TRIGGER refuse_update BEFORE UPDATE ON readiness BEGIN SELECT RAISE(ABORT, \\'disk full\\'); END;'); c.close()"
            let result = try ProcessRunner.tool("python3", ["-c", script, location])
            guard result.status == 0 else { throw FixtureError("could not add the refusing trigger: \(result.output)") }
        case .postgres:
            try await PostgresAdmin.run(
                "CREATE FUNCTION \(location).refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$"
            )
            try await PostgresAdmin.run(
                "CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON \(location).readiness FOR EACH ROW EXECUTE FUNCTION \(location).refuse()"
            )
        }
    }

    /// Runs statements on the store from outside the queue; `statements` gets the prefix that
    /// names the store's tables (`schema.` on PostgreSQL, nothing on SQLite).
    func execute(_ statements: (String) -> [String]) async throws {
        switch backend {
        case .sqlite:
            let script =
                "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit(); c.close()"
            let result = try ProcessRunner.tool(
                "python3", ["-c", script, location, statements("").joined(separator: ";\n")])
            guard result.status == 0 else { throw FixtureError("could not run the statements: \(result.output)") }
        case .postgres:
            for statement in statements(location + ".") { try await PostgresAdmin.run(statement) }
        }
    }

    private func remove() async {
        switch backend {
        case .sqlite:
            let folder = URL(fileURLWithPath: location).deletingLastPathComponent().deletingLastPathComponent()
            try? FileManager.default.removeItem(at: folder)
        case .postgres:
            for queue in opened.withLock({ $0 }) {
                await queue.shutdown()
            }
            try? await PostgresAdmin.run("DROP SCHEMA \(location) CASCADE")
        }
    }
}

/// Statements the tests run outside any queue (creating and dropping schemas).
enum PostgresAdmin {
    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "\(QueueStore.postgresURLVariable) is not set: the PostgreSQL queue tests need a server. Run "
                + "scripts/start-postgres and export the URL it prints as \(QueueStore.postgresURLVariable) (scripts/test does both)."
        }
    }

    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[QueueStore.postgresURLVariable], !url.isEmpty else {
            throw NotConfigured()
        }
        return url
    }

    /// The one number `sql` selects.
    static func count(_ sql: String) async throws -> Int64 {
        var count: Int64 = 0
        try await withClient { client, _ in
            for try await value in try await client.query(PostgresQuery(unsafeSQL: sql)).decode(Int64.self) {
                count = value
            }
        }
        return count
    }

    static func run(_ sql: String) async throws {
        try await withClient { client, _ in try await client.query(PostgresQuery(unsafeSQL: sql)) }
    }

    /// Runs `body` with a client of its own on the test server (statements and locks from outside
    /// any queue), and a logger that says nothing; the client stops when `body` returns.
    static func withClient(_ body: (PostgresClient, Logger) async throws -> Void) async throws {
        let quiet = Logger(label: "shipshape.tests.postgres-admin", factory: { _ in SwiftLogNoOpLogHandler() })
        let client = PostgresClient(
            configuration: try PostgresJobQueue.configuration(url: url()), backgroundLogger: quiet)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await body(client, quiet)
        }
    }
}
