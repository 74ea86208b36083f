import Foundation
import HTTPKit

/// Where a forge is and who the bot is there: enough to build its client.
package struct ForgeEndpoint: Sendable {
    package enum Authentication: Sendable {
        case token(String)
        /// A GitHub App: its id, its private key (PEM) and, when known, the installation.
        case gitHubApp(appID: String, privateKeyPEM: String, installationID: Int?, slug: String?)
    }

    package var kind: ForgeKind
    /// The API root (https://api.github.com, https://HOST/api/v3, https://HOST/api/v1, https://HOST/api/v4).
    package var apiRoot: URL
    package var authentication: Authentication

    package init(kind: ForgeKind, apiRoot: URL, authentication: Authentication) {
        self.kind = kind
        self.apiRoot = apiRoot
        self.authentication = authentication
    }

    /// The API root for an instance address as people write it: `https://github.com` is
    /// api.github.com, other GitHub hosts are Enterprise (`/api/v3`), Gitea `/api/v1`, GitLab `/api/v4`.
    /// An address that already names its API root is taken as it is.
    package static func apiRoot(kind: ForgeKind, instance: String) throws -> URL {
        let trimmed = instance.hasSuffix("/") ? String(instance.dropLast()) : instance
        guard let url = URL(string: trimmed), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw ForgeError.configuration("\(instance) is not an http(s) address of a \(kind.rawValue) instance")
        }
        if url.path.contains("/api/") || url.host == "api.github.com" { return url }
        switch kind {
        case .github:
            return url.host == "github.com" ? URL(string: "https://api.github.com")! : url.appending(path: "api/v3")
        case .gitea: return url.appending(path: "api/v1")
        case .gitlab: return url.appending(path: "api/v4")
        }
    }

    /// The token in the header this forge expects it in; nil for a GitHub App.
    var tokenCredentials: TokenCredentials? {
        guard case .token(let token) = authentication else { return nil }
        return Self.tokenCredentials(kind, token)
    }

    static func tokenCredentials(_ kind: ForgeKind, _ token: String) -> TokenCredentials {
        switch kind {
        case .github: TokenCredentials(token: token)
        case .gitea: TokenCredentials(token: token, scheme: .token)
        case .gitlab: TokenCredentials(token: token, scheme: .privateToken)
        }
    }

    /// A request that succeeds only while the forge accepts the bot's credentials (readiness):
    /// the token, or a GitHub App's id and key.
    package func credentialCheck(client: any HTTPClient) -> @Sendable () async throws -> Void {
        let apiRoot = self.apiRoot
        switch authentication {
        case .token(let token):
            let credentials = Self.tokenCredentials(kind, token)
            return { try await CredentialCheck.verify(apiRoot: apiRoot, credentials: credentials, client: client) }
        case .gitHubApp(let appID, let pem, _, _):
            return {
                try await CredentialCheck.verifyApp(
                    apiRoot: apiRoot, jwt: GitHubAppJWT(appID: appID, privateKeyPEM: pem), client: client)
            }
        }
    }

    /// The client for one repository, talking through `client`. A GitHub App's credentials come
    /// from `appCredentials` when given, so that its installation token outlives the job; the
    /// bot's login, when not configured, is asked once and kept in `logins` when given.
    package func forge(
        for repository: RepositoryID, client: any HTTPClient, appCredentials: GitHubAppCredentialsCache? = nil,
        logins: BotLoginCache? = nil
    ) throws -> any Forge {
        switch (kind, authentication) {
        case (.github, .token(let token)):
            return GitHubForge(
                repository: repository, apiRoot: apiRoot, client: client,
                credentials: Self.tokenCredentials(kind, token), logins: logins)
        case (.gitea, .token(let token)):
            return GiteaForge(
                repository: repository, apiRoot: apiRoot, client: client,
                credentials: Self.tokenCredentials(kind, token), logins: logins)
        case (.gitlab, .token(let token)):
            return GitLabForge(
                repository: repository, apiRoot: apiRoot, client: client,
                credentials: Self.tokenCredentials(kind, token), logins: logins)
        case (.github, .gitHubApp(let appID, let pem, let installation, let slug)):
            let make = {
                GitHubAppCredentials(
                    jwt: try GitHubAppJWT(appID: appID, privateKeyPEM: pem), installationID: installation,
                    repository: repository, apiRoot: apiRoot, client: client)
            }
            let key =
                "\(apiRoot.absoluteString) app \(appID) "
                + (installation.map { "installation \($0)" } ?? "repository \(repository)")
            let credentials = try appCredentials?.credentials(for: key, make: make) ?? make()
            // Without a configured slug the login is asked of GitHub (GET /app), once per credentials.
            return GitHubForge(
                repository: repository, apiRoot: apiRoot, client: client, credentials: credentials,
                botLogin: slug.map { "\($0)[bot]" }, logins: logins)
        case (_, .gitHubApp):
            throw ForgeError.configuration("GitHub App authentication is for GitHub; \(kind.rawValue) takes a token")
        }
    }
}
