import Forge
import GitKit

extension Forge {
    /// The forge's Git token for the mirrors' remotes, allowed over plain http where the
    /// service's configuration allows it (`forges.*.allowPlainHTTP`).
    func gitCredentials(for mirrors: MirrorCache) async throws -> GitCredentials? {
        try await gitCredentials().map {
            GitCredentials(token: $0.token, username: $0.username, plainHTTPHosts: mirrors.plainHTTPHosts)
        }
    }

    /// What the mirrors of this forge's repositories fetch: branches, tags, and the refs where
    /// the forge keeps pull requests' heads (forks included).
    var mirrorRefspecs: [String] { Repository.branchAndTagRefspecs + [kind.pullRequestHeadsRefspec] }
}
