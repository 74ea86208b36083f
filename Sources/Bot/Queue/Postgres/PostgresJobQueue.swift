import Foundation
import Logging
import PostgresNIO

/// The shared queue: a PostgreSQL table several bot replicas lease from.
///
/// Lifecycle: the queue owns its `PostgresClient` and runs the client's `run()` in a task it starts
/// in `init`, so no caller can forget it. Call `shutdown()` when done to close the connections;
/// dropping the queue without it cancels the task too, only less politely.
package final class PostgresJobQueue: JobQueue {
    let client: PostgresClient
    let settings: QueueSettings
    let logger: Logger
    /// "PostgreSQL queue shipshape@db:5432/shipshape": never the password.
    let store: String
    /// How long `ping` (readiness) waits for the server: the connect timeout and some slack.
    let reachabilityLimit: Duration
    /// How long start-up waits: a server that is up but busy (a node under load, replicas
    /// migrating together) may take longer than a readiness probe should.
    let startUpLimit: Duration
    private let clientTask: Task<Void, Never>

    /// Connects, then creates the table and indexes when missing (safe while other replicas do the same).
    package init(
        configuration: PostgresClient.Configuration, settings: QueueSettings = QueueSettings(),
        logger: Logger = Logger(label: "shipshape.queue")
    ) async throws {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.settings = settings
        self.logger = logger
        self.store = Self.storeName(configuration)
        self.reachabilityLimit = configuration.options.connectTimeout + .seconds(5)
        self.startUpLimit = configuration.options.connectTimeout * 6
        // Waits until the task is under way, so the migration below does not lease a connection
        // before `run()` has begun (PostgresClient warns about that). The client opens connections
        // and keeps them alive in that task: on the intake's threads, so that a delivery needing a
        // new connection does not wait for Swift's shared pool.
        let (started, starting) = AsyncStream<Void>.makeStream()
        self.clientTask = Task(executorPreference: IntakeExecutor.shared) {
            starting.finish()
            await client.run()
        }
        for await _ in started {}
        do {
            try await migrate()
        } catch {
            clientTask.cancel()
            throw error
        }
    }

    /// `postgres://user:password@host:port/database[?sslmode=disable|prefer|require|verify-ca|verify-full]`.
    package convenience init(
        url: String, settings: QueueSettings = QueueSettings(),
        logger: Logger = Logger(label: "shipshape.queue")
    ) async throws {
        try await self.init(configuration: Self.configuration(url: url), settings: settings, logger: logger)
    }

    /// Closes the connections and waits until they are closed. The queue cannot be used afterwards.
    package func shutdown() async {
        clientTask.cancel()
        await clientTask.value
    }

    deinit {
        clientTask.cancel()
    }

    static func storeName(_ configuration: PostgresClient.Configuration) -> String {
        let place =
            configuration.host.map { "\($0):\(configuration.port ?? 5432)" } ?? configuration.unixSocketPath ?? "?"
        return "PostgreSQL queue \(configuration.username)@\(place)/\(configuration.database ?? configuration.username)"
    }

    package func enqueue(_ job: NewJob) async throws -> EnqueueOutcome {
        let now = settings.now().queueMilliseconds
        return try await perform("enqueue") {
            try await self.client.withTransaction(logger: self.logger) { connection -> EnqueueOutcome in
                let inserted = try await connection.query(
                    """
                    INSERT INTO jobs (kind, payload, pull_request_key, head_sha, delivery_id, state, attempts, run_after_ms, created_at_ms)
                    VALUES (\(job.kind.rawValue), \(job.payload), \(job.pullRequestKey), \(job.headSHA), \(job.deliveryID),
                            'pending', 0, \(now), \(now))
                    ON CONFLICT DO NOTHING
                    RETURNING id
                    """, logger: self.logger
                ).collect()
                guard let id = try inserted.first?.decode(Int64.self) else { return .duplicate }
                if job.kind == .review, let key = job.pullRequestKey, let head = job.headSHA {
                    // Pending includes a running job whose lease expired: no worker is on it any more.
                    try await connection.query(
                        """
                        UPDATE jobs SET state = 'superseded', lease_owner = NULL, lease_expires_ms = NULL
                        WHERE kind = 'review' AND pull_request_key = \(key) AND head_sha IS DISTINCT FROM \(head) AND id <> \(id)
                          AND (state = 'pending' OR (state = 'running' AND lease_expires_ms <= \(now)))
                        """, logger: self.logger)
                }
                return .stored(id: id)
            }
        }
    }

    package func job(id: Int64) async throws -> JobRecord? {
        try await perform("read", jobID: id) {
            try await self.fetchJob(id: id)
        }
    }

    func fetchJob(id: Int64) async throws -> JobRecord? {
        let rows = try await client.query("SELECT * FROM jobs WHERE id = \(id)", logger: logger).collect()
        return try rows.first.map(JobRecord.init(postgresRow:))
    }

    package func depth() async throws -> [JobState: Int] {
        let now = settings.now().queueMilliseconds
        return try await perform("depth") {
            let rows = try await self.client.query(
                """
                SELECT CASE WHEN state = 'running' AND lease_expires_ms <= \(now) THEN 'pending' ELSE state END AS effective_state,
                       COUNT(*) AS count
                FROM jobs GROUP BY effective_state
                """, logger: self.logger
            ).collect()
            var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
            for row in rows {
                let (state, count) = try row.decode((String, Int64).self)
                counts[try JobState(stored: state)] = Int(count)
            }
            return counts
        }
    }

    package func ping() async throws {
        try await perform("ping", code: .unavailable) {
            try await self.withinDeadline(self.reachabilityLimit) {
                _ = try await self.client.query(PostgresQuery(unsafeSQL: ReadinessProbe.write), logger: self.logger)
                    .collect()
            }
        }
    }

    /// Runs `body`, turning whatever it throws into a `QueueError` that names this store and operation.
    func perform<T>(
        _ operation: String, jobID: Int64? = nil, code: QueueError.Code = .storeFailed,
        _ body: () async throws -> T
    ) async throws -> T {
        do {
            return try await body()
        } catch let error as QueueError {
            throw error
        } catch {
            if let transaction = error as? PostgresTransactionError, transaction.rollbackError == nil,
                let queueError = transaction.closureError as? QueueError
            {
                throw queueError
            }
            throw QueueError(
                code: code, store: store, operation: operation, jobID: jobID,
                reason: PostgresErrorDescription.describe(error))
        }
    }
}
