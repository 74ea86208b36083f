import Foundation
import HTTPKit

/// Gitea's and Forgejo's OAuth2 provider ("OAuth2 provider", docs.gitea.com): authorize at
/// `/login/oauth/authorize`, token at `/login/oauth/access_token`, then the REST API under
/// `/api/v1` with the token. `GET /repos/{owner}/{repo}` carries the caller's `permissions`
/// (`Repository.permissions` in the API description) and is 404 for a repository they cannot see.
struct GiteaOAuth: OAuthSignIn {
    /// Gitea 1.21 and later require a scope; these read the profile and repositories only.
    static let defaultScope = "read:user read:repository"
    let kind = ForgeKind.gitea
    let endpoints: OAuthEndpoints
    let apiRoot: URL
    let client: any HTTPClient

    init(webRoot: URL, apiRoot: URL, application: OAuthApplication, client: any HTTPClient) {
        endpoints = OAuthEndpoints(
            authorize: webRoot.appending(path: "login/oauth/authorize"),
            token: webRoot.appending(path: "login/oauth/access_token"), application: application,
            scope: application.scope ?? Self.defaultScope, client: client)
        self.apiRoot = apiRoot
        self.client = client
    }

    func authorizeURL(state: String) -> URL { endpoints.authorizeURL(state: state) }

    func exchange(code: String) async throws -> String { try await endpoints.exchange(code: code) }

    func signedInUser(token: String) async throws -> SignedInUser {
        SignedInUser(login: try await api(token).field("login", of: "/user"))
    }

    func canRead(repository: RepositoryID, token: String) async throws -> Bool {
        let path = "/repos/\(ForgeAPI.segment(repository.owner))/\(ForgeAPI.segment(repository.name))"
        return try await OAuthRepositoryProbe.permissionsPull(api(token), path)
    }

    private func api(_ token: String) -> ForgeAPI {
        ForgeAPI(root: apiRoot, client: client, credentials: TokenCredentials(token: token), fixedHeaders: [])
    }
}
