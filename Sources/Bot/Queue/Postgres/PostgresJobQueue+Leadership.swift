import PostgresNIO

/// The scheduler's leader among replicas: the process holding PostgreSQL's session advisory lock
/// `scheduler` on a connection of its own. The others try again every `retry`; when the leader
/// dies, its connection closes, the lock is free, and the next one takes over. The lock is one
/// per schema, so deployments sharing a database in schemas of their own each have a leader.
public struct PostgresLeadership: LeaderElection {
    /// The lock's first key; the second is the queue's schema, hashed.
    static let schedulerLockKey: Int32 = 0x5343_4844 // "SCHD"

    let queue: PostgresJobQueue
    let retry: Duration

    public init(queue: PostgresJobQueue, retry: Duration = .seconds(30)) {
        self.queue = queue
        self.retry = retry
    }

    public func lead(_ body: @escaping @Sendable () async -> Void) async {
        while !Task.isCancelled {
            let led = try? await queue.client.withConnection { connection -> Bool in
                let rows = try await connection.query("SELECT pg_try_advisory_lock(\(Self.schedulerLockKey), hashtext(current_schema()))", logger: queue.logger).collect()
                guard let acquired = try rows.first?.decode(Bool.self), acquired else { return false }
                await body()
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.schedulerLockKey), hashtext(current_schema()))", logger: queue.logger).collect()
                return true
            }
            if led == true { return }
            try? await Task.sleep(for: retry)
        }
    }
}
