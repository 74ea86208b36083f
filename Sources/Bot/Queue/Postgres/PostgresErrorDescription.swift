import PostgresNIO

/// Words for PostgresNIO's errors. `PSQLError.description` hides everything on purpose; this keeps
/// what an operator needs (the code, the server's message, detail and hint, the network error) and
/// leaves out the query's bound values. Neither carries the password, which is only in the configuration.
enum PostgresErrorDescription {
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            return describe(error)
        }
        if let error = error as? PostgresTransactionError {
            let parts = [
                ("BEGIN", error.beginError), ("transaction", error.closureError),
                ("COMMIT", error.commitError), ("ROLLBACK", error.rollbackError),
            ]
            return parts.compactMap { name, error in error.map { "\(name): \(describe($0))" } }.joined(separator: "; ")
        }
        return "\(error)"
    }

    private static func describe(_ error: PSQLError) -> String {
        var parts: [String] = []
        if let info = error.serverInfo {
            let message = [info[.message], info[.detail], info[.hint]].compactMap { $0 }.joined(separator: " ")
            parts.append("server said: \(message)" + (info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""))
        } else {
            parts.append("\(error.code)")
        }
        if let underlying = error.underlying {
            parts.append("\(underlying)")
        }
        return parts.joined(separator: ": ")
    }
}
