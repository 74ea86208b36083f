import Foundation
import HTTPKit

/// One forge's OAuth web flow and the user token's two questions, in that forge's dialect.
struct ForgeOAuth: OAuthSignIn {
    let kind: ForgeKind
    let dialect: OAuthDialect
    let endpoints: OAuthEndpoints
    let apiRoot: URL
    let client: any HTTPClient

    init(kind: ForgeKind, webRoot: URL, apiRoot: URL, application: OAuthApplication, client: any HTTPClient) {
        self.kind = kind
        dialect = OAuthDialect.of(kind)
        endpoints = OAuthEndpoints(
            authorize: webRoot.appending(path: dialect.authorizePath),
            token: webRoot.appending(path: dialect.tokenPath),
            application: application, scope: application.scope ?? dialect.defaultScope, client: client)
        self.apiRoot = apiRoot
        self.client = client
    }

    func authorizeURL(state: String) -> URL { endpoints.authorizeURL(state: state) }

    func exchange(code: String) async throws -> OAuthToken { try await endpoints.exchange(code: code) }

    func signedInUser(token: String) async throws -> SignedInUser {
        let api = api(token)
        switch dialect.loginField {
        case .login: return SignedInUser(login: try await api.get("/user", as: LoginAnswer.self).login)
        case .username: return SignedInUser(login: try await api.get("/user", as: UsernameAnswer.self).username)
        }
    }

    /// 200 and readable by the dialect's rule: yes; 401, 403 or 404 (hidden or refused): no.
    /// Anything else is a failure of the forge, not an answer.
    func canRead(repository: RepositoryID, token: String) async throws -> Bool {
        let path = dialect.probePath(repository)
        let api = api(token)
        let (status, answer) = try await api.status(.get, path)
        switch status {
        case 200:
            switch dialect.readProbe {
            case .repositoryPermissions:
                return try api.decode(RepositoryPermissionsAnswer.self, from: answer, method: "GET", path: path)
                    .grantsRead
            case .projectAccess:
                return try api.decode(ProjectAccessAnswer.self, from: answer, method: "GET", path: path).grantsRead
            }
        case 401, 403, 404: return false
        default: throw ForgeError.status(code: status, method: "GET", path: path, message: "")
        }
    }

    private func api(_ token: String) -> ForgeAPI {
        ForgeAPI(
            root: apiRoot, client: client, credentials: TokenCredentials(token: token, scheme: .bearer),
            fixedHeaders: dialect.fixedHeaders, forge: kind)
    }
}

/// `GET /user` of GitHub and Gitea.
private struct LoginAnswer: Decodable { let login: String }
/// `GET /user` of GitLab.
private struct UsernameAnswer: Decodable { let username: String }
