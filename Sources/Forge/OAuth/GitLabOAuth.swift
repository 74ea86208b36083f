import Foundation
import HTTPKit

/// GitLab's OAuth 2.0 provider ("OAuth 2.0 identity provider API", docs.gitlab.com): authorize at
/// `/oauth/authorize`, token at `/oauth/token`, then `/api/v4` with `Authorization: Bearer`.
/// `GET /projects/:id` is 404 for a project the user cannot see; a private project's code is
/// readable from the Reporter role (access level 20) up, through the project or its group
/// (`permissions.project_access` / `group_access`); public and internal projects by any
/// signed-in user.
struct GitLabOAuth: OAuthSignIn {
    /// `read_api` reads projects; `read_user` alone cannot.
    static let defaultScope = "read_api"
    static let reporterAccessLevel = 20
    let kind = ForgeKind.gitlab
    let endpoints: OAuthEndpoints
    let apiRoot: URL
    let client: any HTTPClient

    init(webRoot: URL, apiRoot: URL, application: OAuthApplication, client: any HTTPClient) {
        endpoints = OAuthEndpoints(
            authorize: webRoot.appending(path: "oauth/authorize"), token: webRoot.appending(path: "oauth/token"),
            application: application, scope: application.scope ?? Self.defaultScope, client: client)
        self.apiRoot = apiRoot
        self.client = client
    }

    func authorizeURL(state: String) -> URL { endpoints.authorizeURL(state: state) }

    func exchange(code: String) async throws -> String { try await endpoints.exchange(code: code) }

    func signedInUser(token: String) async throws -> SignedInUser {
        SignedInUser(login: try await api(token).field("username", of: "/user"))
    }

    func canRead(repository: RepositoryID, token: String) async throws -> Bool {
        let path = "/projects/\(ForgeAPI.segment(repository.description))"
        let (status, answer) = try await api(token).status(.get, path)
        switch status {
        case 200:
            if let visibility = answer["visibility"]?.string, visibility != "private" { return true }
            let levels = ["project_access", "group_access"].compactMap {
                answer["permissions"]?[$0]?["access_level"]?.int
            }
            return (levels.max() ?? 0) >= Self.reporterAccessLevel
        case 401, 403, 404: return false
        default: throw ForgeError.status(code: status, method: "GET", path: path, message: "")
        }
    }

    private func api(_ token: String) -> ForgeAPI {
        ForgeAPI(
            root: apiRoot, client: client, credentials: TokenCredentials(token: token, scheme: .bearer),
            fixedHeaders: [])
    }
}
