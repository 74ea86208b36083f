import Synchronization

/// One `GitHubAppCredentials` per App installation (or per repository while its installation is
/// not known), kept across jobs: an installation token is bought once and used until five
/// minutes before it expires, so conditional requests sent with it keep hitting GitHub's cache.
/// A new credentials value per job bought a token per job.
package final class GitHubAppCredentialsCache: Sendable {
    private let credentials = Mutex<[String: GitHubAppCredentials]>([:])

    package init() {}

    /// The credentials under `key`, made by `make` the first time.
    func credentials(for key: String, make: () throws -> GitHubAppCredentials) throws -> GitHubAppCredentials {
        try credentials.withLock { known in
            if let found = known[key] { return found }
            let made = try make()
            known[key] = made
            return made
        }
    }
}
