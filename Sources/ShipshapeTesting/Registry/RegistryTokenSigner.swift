import Foundation

/// The token service's RSA key and self-signed certificate, made with the `openssl` command line,
/// and RS256 signatures for the JSON web tokens it issues.
///
/// Registry 2.8 trusts a token when the certificate chain in the header's `x5c` verifies against its
/// `rootcertbundle`; a self-signed certificate that is itself in the bundle is such a chain.
struct RegistryTokenSigner: Sendable {
    let folder: URL
    /// The certificate in PEM, what the registry's `rootcertbundle` file holds.
    let certificateFile: URL
    /// The certificate in DER, base64 (not URL-safe), as the `x5c` header wants it.
    let certificateBase64: String

    private var keyFile: URL { folder.appending(path: "token-key.pem") }

    init(folder: URL) throws {
        self.folder = folder
        certificateFile = folder.appending(path: "token-cert.pem")
        let made = try Self.openssl(
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "token-key.pem",
                "-out", "token-cert.pem", "-days", "2", "-subj", "/CN=shipshape-registry-token-issuer",
            ],
            in: folder)
        let converted = try Self.openssl(
            ["x509", "-in", "token-cert.pem", "-outform", "DER", "-out", "token-cert.der"], in: folder)
        guard made.status == 0, converted.status == 0 else {
            throw FixtureError(
                "openssl could not make the token service's key and certificate: \(made.output) \(converted.output)")
        }
        certificateBase64 = try Data(contentsOf: folder.appending(path: "token-cert.der")).base64EncodedString()
    }

    /// A compact JWS: base64url(header).base64url(claims).base64url(RS256 signature).
    func token(claims: [String: Any]) throws -> String {
        let header: [String: Any] = ["alg": "RS256", "typ": "JWT", "x5c": [certificateBase64]]
        let signingInput = try Self.base64URL(Self.json(header)) + "." + Self.base64URL(Self.json(claims))
        // Each request gets its own files: the token service answers on several threads at once.
        let name = UUID().uuidString
        let input = folder.appending(path: "\(name).input")
        let signature = folder.appending(path: "\(name).signature")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: signature)
        }
        try Data(signingInput.utf8).write(to: input)
        let signed = try Self.openssl(
            ["dgst", "-sha256", "-sign", keyFile.path, "-binary", "-out", signature.path, input.path], in: folder)
        guard signed.status == 0 else {
            throw FixtureError("openssl could not sign a registry token: \(signed.output)")
        }
        return signingInput + "." + Self.base64URL(try Data(contentsOf: signature))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func json(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    private static func openssl(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        try ProcessRunner.tool("openssl", arguments, in: folder)
    }
}
