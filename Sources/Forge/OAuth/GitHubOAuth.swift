import Foundation
import HTTPKit

/// GitHub's web application flow ("Authorizing OAuth apps", docs.github.com): the authorize page
/// and the token endpoint live on the web host (github.com, or the Enterprise host), the user and
/// the repository on the REST API. A user token reads a repository when `GET /repos/{owner}/{repo}`
/// answers with `permissions.pull` ("Get a repository": `permissions` is the token owner's);
/// GitHub answers 404 for a private repository the owner cannot see.
struct GitHubOAuth: OAuthSignIn {
    /// `repo` lets the token see private repositories (an OAuth app has no read-only scope for
    /// them); a GitHub App's user token ignores scopes and sees what the App and the user both may.
    static let defaultScope = "repo"
    let kind = ForgeKind.github
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
        ForgeAPI(
            root: apiRoot, client: client, credentials: TokenCredentials(token: token),
            fixedHeaders: GitHubForge.fixedHeaders)
    }
}

/// The repository probe GitHub and Gitea share: the repository as the token's owner sees it.
enum OAuthRepositoryProbe {
    /// 200 with `permissions.pull` true: readable; 404 (hidden) or 403 (refused): not. Anything
    /// else is a failure of the forge, not an answer.
    static func permissionsPull(_ api: ForgeAPI, _ path: String) async throws -> Bool {
        let (status, answer) = try await api.status(.get, path)
        switch status {
        case 200: return answer["permissions"]?["pull"]?.bool ?? false
        case 401, 403, 404: return false
        default: throw ForgeError.status(code: status, method: "GET", path: path, message: "")
        }
    }
}
