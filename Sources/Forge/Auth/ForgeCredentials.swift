/// How a forge client proves who it is. Tokens stay inside; nothing here prints them.
package protocol ForgeCredentials: Sendable {
    /// The headers to add to one API request (refreshed when they expire).
    func headers() async throws -> [(name: String, value: String)]
    /// The token for Git over HTTPS (`x-access-token` / `oauth2` user), when it can serve Git too.
    func gitToken() async throws -> String?
}

/// A personal or project access token.
package struct TokenCredentials: ForgeCredentials, CustomStringConvertible {
    package enum Scheme: Sendable {
        /// `Authorization: Bearer <token>` (GitHub, GitLab OAuth and personal tokens, Gitea).
        case bearer
        /// `Authorization: token <token>` (Gitea's and GitHub's older form).
        case token
        /// `PRIVATE-TOKEN: <token>` (GitLab).
        case privateToken
    }

    private let token: String
    package let scheme: Scheme

    package init(token: String, scheme: Scheme = .bearer) {
        self.token = token
        self.scheme = scheme
    }

    package func headers() async throws -> [(name: String, value: String)] {
        switch scheme {
        case .bearer: [("Authorization", "Bearer " + token)]
        case .token: [("Authorization", "token " + token)]
        case .privateToken: [("PRIVATE-TOKEN", token)]
        }
    }

    package func gitToken() async throws -> String? { token }

    package var description: String { "TokenCredentials(\(scheme), token redacted)" }
}
