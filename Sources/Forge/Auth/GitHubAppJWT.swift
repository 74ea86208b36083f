import Foundation
import _CryptoExtras

/// The JSON Web Token a GitHub App signs with its private key (RS256) to ask for installation
/// tokens: issued a minute in the past (clock drift), valid nine minutes (GitHub allows ten).
package struct GitHubAppJWT: Sendable {
    package let appID: String
    private let key: _RSA.Signing.PrivateKey

    /// `pem` is the key GitHub hands out ("BEGIN RSA PRIVATE KEY", PKCS#1) or a PKCS#8 one.
    package init(appID: String, privateKeyPEM pem: String) throws {
        self.appID = appID
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
        } catch {
            throw ForgeError.configuration(
                "the GitHub App private key is not a readable RSA key in PEM form (\(error))")
        }
    }

    package func token(now: Date = Date()) throws -> String {
        let issued = Int(now.timeIntervalSince1970) - 60
        let header = #"{"alg":"RS256","typ":"JWT"}"#
        let claims = #"{"iat":\#(issued),"exp":\#(issued + 600 - 60),"iss":"\#(appID)"}"#
        let signingInput = Self.base64URL(Data(header.utf8)) + "." + Self.base64URL(Data(claims.utf8))
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Self.base64URL(signature.rawRepresentation)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
