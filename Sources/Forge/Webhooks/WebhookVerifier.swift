import Crypto
import Foundation

/// Decides whether a delivery came from the forge the webhook secret was shared with. Runs before the
/// body is parsed: nothing from an unverified delivery is read.
package enum WebhookVerifier {
    /// `headers` as received (the names are compared without regard to case); `body` the exact bytes
    /// received, before any decoding.
    package static func verify(forge: ForgeKind, headers: [String: String], body: Data, secret: String)
        -> WebhookVerification
    {
        verify(forge: forge, headers: headers, body: Optional(body), secret: secret)
    }

    /// What can be judged before the body arrives: a secret is configured, the signature header is
    /// there and well formed (GitLab's token, which signs nothing, is checked whole). A delivery
    /// refused here is answered without reading its body; one that passes is verified again, whole.
    package static func verifyHeaders(forge: ForgeKind, headers: [String: String], secret: String)
        -> WebhookVerification
    {
        verify(forge: forge, headers: headers, body: nil, secret: secret)
    }

    /// `body` nil: headers only.
    private static func verify(forge: ForgeKind, headers: [String: String], body: Data?, secret: String)
        -> WebhookVerification
    {
        guard !secret.isEmpty else {
            return .refused(
                "no webhook secret is configured for \(forge.rawValue); unsigned deliveries are not accepted")
        }
        let headers = WebhookHeaders(headers)
        let key = SymmetricKey(data: Data(secret.utf8))
        switch forge {
        case .github: return verifyGitHub(headers, body: body, key: key)
        case .gitea: return verifyGitea(headers, body: body, key: key)
        case .gitlab: return verifyGitLab(headers, secret: secret)
        }
    }

    /// GitHub: `X-Hub-Signature-256: sha256=<hex>`; the SHA-1 `X-Hub-Signature` alone is not enough.
    private static func verifyGitHub(_ headers: WebhookHeaders, body: Data?, key: SymmetricKey) -> WebhookVerification {
        guard let header = headers["x-hub-signature-256"] else {
            if headers["x-hub-signature"] != nil {
                return .refused(
                    "only SHA-256 signatures are accepted: the delivery has X-Hub-Signature (SHA-1) but no X-Hub-Signature-256"
                )
            }
            return .refused("missing X-Hub-Signature-256 header: is a secret set on the GitHub webhook?")
        }
        return check(
            SignatureHeader(name: "X-Hub-Signature-256", value: header, prefix: "sha256="), body: body, key: key)
    }

    /// Gitea and Forgejo send the same HMAC-SHA256 under several names; any one that matches will do.
    private static func verifyGitea(_ headers: WebhookHeaders, body: Data?, key: SymmetricKey) -> WebhookVerification {
        let candidates = [
            ("X-Gitea-Signature", ""), ("X-Forgejo-Signature", ""), ("X-Gogs-Signature", ""),
            ("X-Hub-Signature-256", "sha256="),
        ].compactMap { name, prefix in
            headers[name].flatMap { $0 == prefix ? nil : SignatureHeader(name: name, value: $0, prefix: prefix) }
        }
        guard !candidates.isEmpty else {
            if headers["x-hub-signature"].map({ $0 != "sha1=" }) == true {
                return .refused("only SHA-256 signatures are accepted: the delivery has X-Hub-Signature (SHA-1) only")
            }
            return .refused(
                "missing signature: none of X-Gitea-Signature, X-Forgejo-Signature, X-Gogs-Signature, X-Hub-Signature-256 "
                    + "has a value (Gitea sends them blank when the webhook has no secret)")
        }
        var reasons = [String]()
        for candidate in candidates {
            switch check(candidate, body: body, key: key) {
            case .valid: return .valid
            case .refused(let reason): reasons.append(reason)
            }
        }
        return .refused(reasons.joined(separator: "; "))
    }

    /// GitLab sends the secret itself in `X-Gitlab-Token`. Both sides are hashed first so the
    /// comparison takes the same time whatever the lengths and wherever they differ.
    private static func verifyGitLab(_ headers: WebhookHeaders, secret: String) -> WebhookVerification {
        guard let token = headers["x-gitlab-token"] else {
            return .refused("missing X-Gitlab-Token header: is a secret token set on the GitLab webhook?")
        }
        let received = Data(SHA256.hash(data: Data(token.utf8)))
        let expected = Data(SHA256.hash(data: Data(secret.utf8)))
        return constantTimeEqual(received, expected)
            ? .valid : .refused("X-Gitlab-Token does not match the configured secret token")
    }

    private static func check(_ header: SignatureHeader, body: Data?, key: SymmetricKey) -> WebhookVerification {
        guard let signature = header.signature else {
            let shape = header.prefix.isEmpty ? "64 hex digits" : "'\(header.prefix)' followed by 64 hex digits"
            return .refused("\(header.name) is malformed: expected \(shape)")
        }
        guard let body else { return .valid }
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: body, using: key) else {
            return .refused("\(header.name) does not match the body: wrong secret, or the body was changed on the way")
        }
        return .valid
    }

    private static func constantTimeEqual(_ left: Data, _ right: Data) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for (leftByte, rightByte) in zip(left, right) { difference |= leftByte ^ rightByte }
        return difference == 0
    }
}

/// One signature header: its name (for messages), its value, and the prefix the forge puts before the hex.
private struct SignatureHeader {
    let name: String
    let value: String
    let prefix: String

    /// The 32 signature bytes, or `nil` when the value is not `prefix` + 64 hex digits.
    var signature: Data? {
        guard value.hasPrefix(prefix) else { return nil }
        let hex = value.dropFirst(prefix.count)
        guard hex.count == SHA256.Digest.byteCount * 2 else { return nil }
        return Data(hexadecimal: hex)
    }
}
