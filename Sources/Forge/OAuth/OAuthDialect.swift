import Foundation

/// What differs between the forges' OAuth web flows and the two questions asked with the user
/// token, each as the forge documents it:
/// - GitHub ("Authorizing OAuth apps"): authorize and token on the web host (github.com or the
///   Enterprise host), the API elsewhere. `GET /repos/{owner}/{repo}` carries the token owner's
///   `permissions` and is 404 for a private repository they cannot see. `repo` is the only scope
///   that shows an OAuth app private repositories; a GitHub App's user token ignores scopes.
/// - Gitea and Forgejo ("OAuth2 provider"): `/login/oauth/authorize` and `/login/oauth/access_token`,
///   the API under `/api/v1`; the repository's `permissions` as on GitHub. Gitea 1.21 and later
///   require a scope.
/// - GitLab ("OAuth 2.0 identity provider API"): `/oauth/authorize` and `/oauth/token`, the API
///   under `/api/v4` with `Authorization: Bearer`. `GET /projects/:id` is 404 for a project the
///   user cannot see; a private project's code is readable from the Reporter role (access level
///   20) up, through the project or its group; public and internal ones by any signed-in user.
///   `read_api` reads projects (`read_user` alone cannot).
struct OAuthDialect: Sendable {
    enum ReadProbe: Sendable {
        /// `GET /repos/{owner}/{repo}`: readable when `permissions.pull` is true.
        case repositoryPermissions
        /// `GET /projects/:id`: readable when public or internal, or with Reporter access.
        case projectAccess
    }

    var authorizePath: String
    var tokenPath: String
    var defaultScope: String
    /// The field of `GET /user` that names the user.
    var loginField: String
    var fixedHeaders: [(name: String, value: String)]
    var readProbe: ReadProbe

    static let reporterAccessLevel = 20

    static func of(_ kind: ForgeKind) -> OAuthDialect {
        switch kind {
        case .github:
            OAuthDialect(
                authorizePath: "login/oauth/authorize", tokenPath: "login/oauth/access_token", defaultScope: "repo",
                loginField: "login", fixedHeaders: GitHubForge.fixedHeaders, readProbe: .repositoryPermissions)
        case .gitea:
            OAuthDialect(
                authorizePath: "login/oauth/authorize", tokenPath: "login/oauth/access_token",
                defaultScope: "read:user read:repository", loginField: "login", fixedHeaders: [],
                readProbe: .repositoryPermissions)
        case .gitlab:
            OAuthDialect(
                authorizePath: "oauth/authorize", tokenPath: "oauth/token", defaultScope: "read_api",
                loginField: "username", fixedHeaders: [], readProbe: .projectAccess)
        }
    }

    /// The API path of `repository` and whether the answer lets the token's owner read it.
    func probe(_ repository: RepositoryID) -> (path: String, readable: (JSON) -> Bool) {
        switch readProbe {
        case .repositoryPermissions:
            return (
                "/repos/\(ForgeAPI.segment(repository.owner))/\(ForgeAPI.segment(repository.name))",
                { $0["permissions"]?["pull"]?.bool ?? false }
            )
        case .projectAccess:
            return (
                "/projects/\(ForgeAPI.segment(repository.fullName))",
                { answer in
                    if let visibility = answer["visibility"]?.string, visibility != "private" { return true }
                    let levels = ["project_access", "group_access"].compactMap {
                        answer["permissions"]?[$0]?["access_level"]?.int
                    }
                    return (levels.max() ?? 0) >= Self.reporterAccessLevel
                }
            )
        }
    }
}
