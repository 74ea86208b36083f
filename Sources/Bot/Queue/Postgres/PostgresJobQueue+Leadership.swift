import PostgresNIO

/// The scheduler's leader among replicas: the process holding PostgreSQL's session advisory lock
/// `scheduler` on a connection of its own. The others try again every `retry`; when the leader
/// dies, its connection closes, the lock is free, and the next one takes over. The lock is per
/// schema (its hash is the second key): each queue in a database has its own leader.
package struct PostgresLeadership: LeaderElection {
    static let schedulerLock = SchemaAdvisoryLock(key: 0x5348_4953)  // "SHIS"

    let queue: PostgresJobQueue
    let retry: Duration

    package init(queue: PostgresJobQueue, retry: Duration = .seconds(30)) {
        self.queue = queue
        self.retry = retry
    }

    package func lead(_ body: @escaping @Sendable () async -> Void) async {
        let logger = queue.logger
        while !Task.isCancelled {
            do {
                let led = try await queue.client.withConnection { connection -> Bool in
                    let rows = try await connection.query(
                        PostgresQuery(unsafeSQL: Self.schedulerLock.sql("pg_try_advisory_lock")), logger: logger
                    ).collect()
                    guard let acquired = try rows.first?.decode(Bool.self), acquired else { return false }
                    logger.info("this replica leads the scheduler")
                    await body()
                    do {
                        _ = try await connection.query(
                            PostgresQuery(unsafeSQL: Self.schedulerLock.sql("pg_advisory_unlock")), logger: logger
                        ).collect()
                    } catch {
                        // The lock goes with the connection when it closes.
                        logger.warning("cannot release the scheduler lock: \(error)")
                    }
                    return true
                }
                if led { return }
            } catch {
                logger.error("cannot ask PostgreSQL for the scheduler lock; trying again in \(retry): \(error)")
            }
            try? await Task.sleep(for: retry)
        }
    }
}
