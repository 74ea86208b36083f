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

/// The person a user token belongs to, as the forge names them.
package struct SignedInUser: Sendable, Hashable {
    package var login: String

    package init(login: String) { self.login = login }
}
