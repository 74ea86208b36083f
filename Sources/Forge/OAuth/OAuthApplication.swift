import Foundation

/// An OAuth application registered on a forge for the dashboard's sign-in: its client id and
/// secret, and the address the forge sends people back to (which must be the one registered).
public struct OAuthApplication: Sendable {
    public var clientID: String
    public var clientSecret: String
    public var redirectURI: URL
    /// The scopes asked for; nil asks each forge's default (`OAuthDialect.defaultScope`).
    public var scope: String?

    public init(clientID: String, clientSecret: String, redirectURI: URL, scope: String? = nil) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.scope = scope
    }
}

/// The person a user token belongs to, as the forge names them.
public struct SignedInUser: Sendable, Hashable {
    public var login: String

    public init(login: String) { self.login = login }
}
