import PostgresNIO

/// The scheduler's leader among replicas: the process holding PostgreSQL's session advisory lock
/// `scheduler` on a connection of its own. The others try again every `retry`; when the leader
/// dies, its connection closes, the lock is free, and the next one takes over.
public struct PostgresLeadership: LeaderElection {
    static let schedulerLockKey: Int64 = 0x5348_4950_5343_4844 // "SHIPSCHD"

    let queue: PostgresJobQueue
    let retry: Duration

    public init(queue: PostgresJobQueue, retry: Duration = .seconds(30)) {
        self.queue = queue
        self.retry = retry
    }

    public func lead(_ body: @escaping @Sendable () async -> Void) async {
        while !Task.isCancelled {
            let led = try? await queue.client.withConnection { connection -> Bool in
                let rows = try await connection.query("SELECT pg_try_advisory_lock(\(Self.schedulerLockKey))", logger: queue.logger).collect()
                guard let acquired = try rows.first?.decode(Bool.self), acquired else { return false }
                await body()
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.schedulerLockKey))", logger: queue.logger).collect()
                return true
            }
            if led == true { return }
            try? await Task.sleep(for: retry)
        }
    }
}
