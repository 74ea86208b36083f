/// An advisory lock of the queue's own schema: a first key for what it guards, the schema's
/// hash for the second, so queues in other schemas of one database never wait for it.
struct SchemaAdvisoryLock {
    /// Any key will do as long as nothing else in the database uses it.
    let key: Int32

    /// `function` is one of PostgreSQL's two-key advisory lock functions.
    func sql(_ function: String) -> String {
        "SELECT \(function)(\(key), hashtext(current_schema()))"
    }
}
