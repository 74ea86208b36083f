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
    enum LoginField: Sendable {
        case login
        case username
    }

    var loginField: LoginField
    var fixedHeaders: [(name: String, value: String)]
    var readProbe: ReadProbe

    static let reporterAccessLevel = 20

    static func of(_ kind: ForgeKind) -> OAuthDialect {
        switch kind {
        case .github:
            OAuthDialect(
                authorizePath: "login/oauth/authorize", tokenPath: "login/oauth/access_token", defaultScope: "repo",
                loginField: .login, fixedHeaders: GitHubForge.fixedHeaders, readProbe: .repositoryPermissions)
        case .gitea:
            OAuthDialect(
                authorizePath: "login/oauth/authorize", tokenPath: "login/oauth/access_token",
                defaultScope: "read:user read:repository", loginField: .login, fixedHeaders: [],
                readProbe: .repositoryPermissions)
        case .gitlab:
            OAuthDialect(
                authorizePath: "oauth/authorize", tokenPath: "oauth/token", defaultScope: "read_api",
                loginField: .username, fixedHeaders: [], readProbe: .projectAccess)
        }
    }

    /// The API path that answers whether the token's owner may read `repository`.
    func probePath(_ repository: RepositoryID) -> String {
        switch readProbe {
        case .repositoryPermissions:
            "/repos/\(ForgeAPI.segment(repository.owner))/\(ForgeAPI.segment(repository.name))"
        case .projectAccess: "/projects/\(ForgeAPI.segment(repository.fullName))"
        }
    }
}

/// `GET /repos/{owner}/{repo}` of GitHub and Gitea: `permissions` is absent when the token's owner
/// has no role (a public repository seen by anyone), which means no read permission of their own.
struct RepositoryPermissionsAnswer: Decodable {
    struct Permissions: Decodable { let pull: Bool? }
    let permissions: Permissions?

    var grantsRead: Bool { permissions?.pull == true }
}

/// `GET /projects/:id` of GitLab: `visibility` and the user's access levels, each absent when the
/// user has no such membership.
struct ProjectAccessAnswer: Decodable {
    struct Access: Decodable {
        let accessLevel: Int
        enum CodingKeys: String, CodingKey { case accessLevel = "access_level" }
    }

    struct Permissions: Decodable {
        let projectAccess: Access?
        let groupAccess: Access?
        enum CodingKeys: String, CodingKey {
            case projectAccess = "project_access"
            case groupAccess = "group_access"
        }
    }

    let visibility: String?
    let permissions: Permissions?

    /// Public and internal projects are readable by any signed-in user; a private one from Reporter up.
    var grantsRead: Bool {
        if let visibility, visibility != "private" { return true }
        let levels = [permissions?.projectAccess, permissions?.groupAccess].compactMap { $0?.accessLevel }
        return levels.contains { $0 >= OAuthDialect.reporterAccessLevel }
    }
}
