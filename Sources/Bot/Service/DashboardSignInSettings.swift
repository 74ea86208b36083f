import Forge
import Foundation

/// The sign-in part of the `dashboard:` section: where people reach the dashboard, the key its
/// session cookies are signed with, the forges' OAuth applications and the administrators.
/// The secrets are read from the environment or a file and never written in a page or a log.
public struct DashboardSignInSettings: Sendable, Equatable {
    /// One forge's OAuth application (GitHub: OAuth app or GitHub App; Gitea/Forgejo and GitLab:
    /// OAuth2 application), registered with `<publicURL>/dashboard/oauth/callback`.
    public struct OAuthClient: Sendable, Equatable {
        public var clientID: String
        public var clientSecret: String
        /// Nil asks the forge's default scope (GitHub `repo`, Gitea `read:user read:repository`, GitLab `read_api`).
        public var scope: String?

        public init(clientID: String, clientSecret: String, scope: String? = nil) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.scope = scope
        }
    }

    /// The address browsers reach the server at; cookies are `Secure` when it is https.
    public var publicURL: URL
    /// At least 32 characters; signs the session cookies and seals the forge tokens in them.
    public var sessionSecret: String
    public var sessionLifetime: Duration
    /// How long the forge's "may read" answer is kept per session and repository.
    public var permissionCacheLifetime: Duration
    /// `login` (on any forge) or `forge:login`: who may retry dead jobs.
    public var admins: Set<String>
    public var oauth: [ForgeKind: OAuthClient]

    public init(
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
    public func isAdmin(login: String, forge: ForgeKind) -> Bool {
        admins.contains { entry in
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            let name = parts.count == 2 ? parts[1] : parts[0]
            return (parts.count == 1 || parts[0] == forge.rawValue)
                && name.caseInsensitiveCompare(login) == .orderedSame
        }
    }

    /// Where each forge sends people back after they signed in.
    public var callbackURL: URL {
        URL(string: publicURL.absoluteString.trimmingCharacters(in: ["/"]) + "/dashboard/oauth/callback") ?? publicURL
    }
}
