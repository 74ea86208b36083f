import Crypto
import Foundation

/// The two keys made from the configured session secret (HKDF-SHA256, one label each): one
/// signs cookies (HMAC-SHA256), the other seals the forge token inside the session (AES-GCM),
/// so the browser holds its token without being able to read it.
struct SessionKeys: Sendable {
    let signing: SymmetricKey
    let sealing: SymmetricKey

    init(secret: String) {
        let material = SymmetricKey(data: Data(secret.utf8))
        signing = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: material, info: Data("shipshape dashboard cookie signature".utf8), outputByteCount: 32)
        sealing = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: material, info: Data("shipshape dashboard token seal".utf8), outputByteCount: 32)
    }

    /// `payload` as `base64url(payload).base64url(HMAC)`.
    func sign(_ payload: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: payload, using: signing)
        return Base64URL.encode(payload) + "." + Base64URL.encode(Data(mac))
    }

    /// The payload of a value `sign` made with this key; nil for anything else (compared in
    /// constant time).
    func verify(_ value: String) -> Data? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(parts[0]), let mac = Base64URL.decode(parts[1]),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: signing)
        else { return nil }
        return payload
    }

    func seal(_ text: String) -> String? {
        (try? AES.GCM.seal(Data(text.utf8), using: sealing).combined).map(Base64URL.encode)
    }

    func open(_ sealed: String) -> String? {
        guard let data = Base64URL.decode(Substring(sealed)), let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: sealing)
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }

    /// 32 random bytes, base64url: session ids, CSRF tokens, OAuth states.
    static func randomToken() -> String {
        Base64URL.encode(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }
}

/// Base64 with `-_` and no padding, safe in cookies and URLs.
enum Base64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: Substring) -> Data? {
        guard text.count <= 8_192 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
