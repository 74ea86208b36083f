import Crypto
import Foundation

/// Signs a body the way each forge does, for the stand-in forge and for tests that replay deliveries.
/// The bot itself only verifies (`WebhookVerifier`).
package enum WebhookSigner {
    /// Lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the secret.
    package static func hmacSHA256Hex(of body: Data, secret: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))).hexadecimal
    }

    /// The authentication headers (names lower-cased) a forge would send with `body`.
    package static func headers(forge: ForgeKind, body: Data, secret: String) -> [String: String] {
        let signature = hmacSHA256Hex(of: body, secret: secret)
        switch forge {
        case .github: return ["x-hub-signature-256": "sha256=" + signature]
        case .gitea: return ["x-gitea-signature": signature, "x-hub-signature-256": "sha256=" + signature]
        case .gitlab: return ["x-gitlab-token": secret]
        }
    }
}
