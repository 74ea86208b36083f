import Foundation
import HTTPKit

/// Whether a forge still accepts the bot's token: one authenticated `GET /user`, which GitHub,
/// Gitea and GitLab answer alike. (A GitHub App's installation tokens cannot read `/user`; its key
/// is checked when the service starts.)
public enum CredentialCheck {
    /// Throws the forge's refusal (`ForgeError`) or the transport's failure.
    public static func verify(apiRoot: URL, credentials: any ForgeCredentials, client: any HTTPClient) async throws {
        _ = try await ForgeAPI(root: apiRoot, client: client, credentials: credentials, fixedHeaders: []).get("/user")
    }
}
