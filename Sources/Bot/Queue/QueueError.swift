/// A queue operation that failed: which store, which operation, which job, and why.
/// Never carries a database password: stores are named by path or host, port, database and user.
package struct QueueError: Error, CustomStringConvertible, Sendable {
    package enum Code: String, Sendable {
        /// The store could not be opened, reached or migrated.
        case unavailable
        /// The caller no longer holds the job's lease (it expired and was taken, or the job ended).
        case leaseLost
        /// A connection URL or setting the queue cannot use.
        case invalidConfiguration
        /// A statement failed.
        case storeFailed
    }

    package var code: Code
    /// The store, e.g. "SQLite queue /var/lib/shipshape/queue.sqlite".
    package var store: String
    /// The operation, e.g. "lease" or "complete".
    package var operation: String
    package var jobID: Int64?
    /// What went wrong, in words a person can act on.
    package var reason: String

    package init(code: Code, store: String, operation: String, jobID: Int64? = nil, reason: String) {
        self.code = code
        self.store = store
        self.operation = operation
        self.jobID = jobID
        self.reason = reason
    }

    package var description: String {
        let job = jobID.map { " of job \($0)" } ?? ""
        return "\(store): \(operation)\(job) failed: \(reason)"
    }
}
