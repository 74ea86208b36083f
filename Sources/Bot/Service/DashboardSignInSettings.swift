import Forge
import Foundation

/// The sign-in part of the `dashboard:` section: where people reach the dashboard, the key its
/// session cookies are signed with, the forges' OAuth applications and the administrators.
/// The secrets are read from the environment or a file and never written in a page or a log.
package struct DashboardSignInSettings: Sendable, Equatable {
    /// One forge's OAuth application (GitHub: OAuth app or GitHub App; Gitea/Forgejo and GitLab:
    /// OAuth2 application), registered with `<publicURL>/dashboard/oauth/callback`.
    package struct OAuthClient: Sendable, Equatable {
        package var clientID: String
        package var clientSecret: String
        /// Nil asks the forge's default scope (GitHub `repo`, Gitea `read:user read:repository`, GitLab `read_api`).
        package var scope: String?

        package init(clientID: String, clientSecret: String, scope: String? = nil) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.scope = scope
        }
    }

    /// The address browsers reach the server at; cookies are `Secure` when it is https.
    package var publicURL: URL
    /// At least 32 characters; signs the session cookies and seals the forge tokens in them.
    package var sessionSecret: String
    package var sessionLifetime: Duration
    /// How long the forge's "may read" answer is kept per session and repository.
    package var permissionCacheLifetime: Duration
    /// `login` (on any forge) or `forge:login`: who may retry dead jobs.
    package var admins: Set<String>
    package var oauth: [ForgeKind: OAuthClient]

    package init(
        publicURL: URL, sessionSecret: String, sessionLifetime: Duration = .seconds(12 * 3600),
        permissionCacheLifetime: Duration = .seconds(300), admins: Set<String> = [],
        oauth: [ForgeKind: OAuthClient] = [:]
    ) {
        self.publicURL = publicURL
        self.sessionSecret = sessionSecret
        self.sessionLifetime = sessionLifetime
        self.permissionCacheLifetime = permissionCacheLifetime
        self.admins = admins
        self.oauth = oauth
    }

    /// True when `login` of `forge` is on the list, by name alone or with its forge.
    package func isAdmin(login: String, forge: ForgeKind) -> Bool {
        admins.contains { entry in
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            let name = parts.count == 2 ? parts[1] : parts[0]
            return (parts.count == 1 || parts[0] == forge.rawValue)
                && name.caseInsensitiveCompare(login) == .orderedSame
        }
    }

    /// Where each forge sends people back after they signed in.
    package var callbackURL: URL {
        URL(string: publicURL.absoluteString.trimmingCharacters(in: ["/"]) + "/dashboard/oauth/callback") ?? publicURL
    }
}
