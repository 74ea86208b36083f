import Foundation

/// An OAuth application registered on a forge for the dashboard's sign-in: its client id and
/// secret, and the address the forge sends people back to (which must be the one registered).
package struct OAuthApplication: Sendable {
    package var clientID: String
    package var clientSecret: String
    package var redirectURI: URL
    /// The scopes asked for; nil asks each forge's default (`OAuthDialect.defaultScope`).
    package var scope: String?

    package init(clientID: String, clientSecret: String, redirectURI: URL, scope: String? = nil) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.scope = scope
    }
}

/// The user access token a code was traded for, and how long the forge says it lasts (Gitea
/// answers `expires_in` 3600 and GitLab 7200 by default; GitHub's OAuth app tokens do not expire).
package struct OAuthToken: Sendable, Equatable {
    package var value: String
    /// Seconds; nil when the forge did not say.
    package var expiresIn: Int?

    package init(value: String, expiresIn: Int? = nil) {
        self.value = value
        self.expiresIn = expiresIn
    }
}

/// The person a user token belongs to, as the forge names them.
package struct SignedInUser: Sendable, Hashable {
    package var login: String

    package init(login: String) { self.login = login }
}
