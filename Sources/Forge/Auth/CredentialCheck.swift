import Foundation
import HTTPKit

/// Whether a forge still accepts the bot's credentials. A token: one authenticated `GET /user`,
/// which GitHub, Gitea and GitLab answer alike. A GitHub App, whose installation tokens cannot
/// read `/user`: `GET /app` signed with the App's JWT, which GitHub refuses (401) when the App id
/// and the key do not belong together (a key revoked, or another App's).
package enum CredentialCheck {
    /// Throws the forge's refusal (`ForgeError`) or the transport's failure.
    package static func verify(apiRoot: URL, credentials: any ForgeCredentials, client: any HTTPClient) async throws {
        _ = try await ForgeAPI(root: apiRoot, client: client, credentials: credentials, fixedHeaders: []).send(
            .get, "/user")
    }

    package static func verifyApp(apiRoot: URL, jwt: GitHubAppJWT, client: any HTTPClient) async throws {
        _ = try await ForgeAPI(
            root: apiRoot, client: client, credentials: AppJWTCredentials(jwt: jwt, now: Date.init),
            fixedHeaders: GitHubForge.fixedHeaders, forge: .github
        ).send(.get, "/app")
    }
}
