extension PostgresJobQueue {
    /// Runs `body` but gives up after `limit`. While the server is down PostgresClient keeps
    /// retrying the connection for a minute or more before failing a query; start-up and readiness
    /// checks must answer sooner than that.
    func withinDeadline<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws
        -> T
    {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw DeadlinePassed(limit: limit) }
            return value
        }
    }
}

struct DeadlinePassed: Error, CustomStringConvertible {
    var limit: Duration

    var description: String {
        "no answer from the server within \(limit.components.seconds) s: is it running, and are the URL's host and port right?"
    }
}
