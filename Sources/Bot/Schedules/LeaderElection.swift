/// Which replica runs the scheduler. One process alone always leads; several replicas on
/// PostgreSQL take turns through an advisory lock.
package protocol LeaderElection: Sendable {
    /// Runs `body` while this process leads (waiting its turn first); returns when `body` does.
    func lead(_ body: @escaping @Sendable () async -> Void) async
}

/// The embedded (SQLite) deployment: one process, always the leader.
package struct SingleProcessLeadership: LeaderElection {
    package init() {}

    package func lead(_ body: @escaping @Sendable () async -> Void) async { await body() }
}
