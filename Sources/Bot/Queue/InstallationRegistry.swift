import Forge

/// Which GitHub App installation covers which repository, as installation events told the bot.
/// Kept in the queue's database, so every replica and every restart knows it.
package protocol InstallationRegistry: Sendable {
    /// `created`, `unsuspend`, `new_permissions_accepted`, `added` record the repositories;
    /// `deleted`, `suspend`, `removed` forget them (`deleted`: every repository of the installation).
    func remember(installation: Int, action: String, repositories: [RepositoryID]) async throws
    func installation(for repository: RepositoryID) async throws -> Int?
}

enum InstallationAction {
    /// Whether the action takes repositories away rather than grants them.
    static func forgets(_ action: String) -> Bool { ["deleted", "suspend", "removed"].contains(action) }
    static func forgetsAll(_ action: String) -> Bool { ["deleted", "suspend"].contains(action) }
}
