import Foundation

/// The OAuth application the stand-in knows (one per forge, as a test needs), the codes its
/// authorize page handed out and whether each was used: a code is good once, for the client and
/// the redirect address it was made for.
struct OAuthRegistration {
    struct Grant {
        var login: String
        var redirectURI: String
        var used = false
    }

    var clientID: String
    var clientSecret: String
    var redirectURI: String
    var grants: [String: Grant] = [:]
    var issued = 0
}

extension TestForgeState {
    /// Registers the OAuth application the dashboard signs in with. Its authorize page lets the
    /// browser pick any seeded user; the token endpoint turns the code into a token of that user.
    package func enableOAuth(clientID: String, clientSecret: String, redirectURI: String) {
        locked {
            store.oauth = OAuthRegistration(clientID: clientID, clientSecret: clientSecret, redirectURI: redirectURI)
        }
    }

    /// Makes `repository` private (404 to anyone without a role on it) and gives `roles`
    /// (login → admin, maintain, write, triage, read or none) on it alone.
    package func setRepositoryAccess(_ repository: String, isPrivate: Bool, roles: [String: String] = [:]) {
        locked {
            guard let stored = try? store.repository(repository) else { return }
            stored.isPrivate = isPrivate
            for (login, level) in roles { stored.roles[login.lowercased()] = level }
        }
    }

    /// The OAuth tokens handed out so far (for tests that check none reaches a page or a log).
    package var oauthTokens: [String] {
        locked { store.tokens.keys.filter { $0.hasPrefix(OAuthPages.tokenPrefix) }.sorted() }
    }
}
