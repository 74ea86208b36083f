import Synchronization

/// The bot's login per forge client, kept for the process: asked of the forge (GET /user, or
/// GET /app for a GitHub App) the first time a job needs it, then remembered, instead of asked
/// again by every job. One cache serves one set of credentials per API root (a `ForgeDirectory`
/// has one per forge), so the API root is the key.
package final class BotLoginCache: Sendable {
    private let logins = Mutex<[String: String]>([:])

    package init() {}

    /// The login remembered under `key`, or the one `ask` finds, remembered for the next job.
    func login(for key: String, ask: () async throws -> String) async throws -> String {
        if let known = logins.withLock({ $0[key] }) { return known }
        let found = try await ask()
        logins.withLock { $0[key] = found }
        return found
    }
}

/// Where a forge client takes the bot's login from: the configuration, the process's cache, or
/// the forge itself.
struct BotLoginSource: Sendable {
    var configured: String?
    var cache: BotLoginCache?
    var key: String

    func login(ask: () async throws -> String) async throws -> String {
        if let configured { return configured }
        guard let cache else { return try await ask() }
        return try await cache.login(for: key, ask: ask)
    }
}
