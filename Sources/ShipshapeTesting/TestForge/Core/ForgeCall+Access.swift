extension ForgeCall {
    /// "owner/repo" from the path.
    var repositoryName: String { "\(parameter("owner"))/\(parameter("repo"))" }

    /// The authenticated caller (routes that reach a handler without one are the token-less ones).
    var user: StoredUser {
        caller ?? StoredUser(id: 0, login: "anonymous", permission: "none")
    }

    /// Refuses callers below `level`, with the forge's message.
    func require(_ level: String, message: String) throws {
        guard user.has(atLeast: level) else { throw APIFailure.forbidden(message) }
    }

    func requireString(_ name: String, message: String, status: Int = 422) throws -> String {
        guard let value = string(name), !value.isEmpty else { throw APIFailure(status: status, message: message) }
        return value
    }
}
