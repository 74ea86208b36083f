import Foundation
import JSONKit
import ShipshapeTesting
import Testing

@testable import Forge

/// The app's JWT is checked by OpenSSL, not by the code that made it: a key generated with the
/// `openssl` tool signs, and `openssl dgst -verify` with the public half accepts or refuses.
@Suite struct GitHubAppJWTTests {
    @Test(arguments: [true, false])
    func opensslVerifiesTheSignatureAndTheClaimsAreGitHubs(pkcs1: Bool) throws {
        let key = try OpenSSLTool.generateRSAKey(pkcs1: pkcs1)
        // GitHub hands out PKCS#1 ("BEGIN RSA PRIVATE KEY"); PKCS#8 keys work too.
        #expect(key.privateKey.contains(pkcs1 ? "BEGIN RSA PRIVATE KEY" : "BEGIN PRIVATE KEY"))

        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let token = try GitHubAppJWT(appID: "123456", privateKeyPEM: key.privateKey).token(now: now)
        let parts = token.split(separator: ".")
        try #require(parts.count == 3)
        let header = try JSONValue(jsonData: try #require(OpenSSLTool.base64URLDecode(parts[0])))
        let claims = try JSONValue(jsonData: try #require(OpenSSLTool.base64URLDecode(parts[1])))
        #expect(header["alg"] == "RS256")
        #expect(claims["iss"] == "123456")
        #expect(claims["iat"]?.intValue == 1_800_000_000 - 60)
        let lifetime = (claims["exp"]?.intValue ?? 0) - (claims["iat"]?.intValue ?? 0)
        #expect(lifetime > 0 && lifetime <= 600, "GitHub refuses JWTs valid for more than ten minutes")

        #expect(OpenSSLTool.verifiesRS256(token, publicKey: key.publicKey))
        let tampered = String(parts[0] + "." + parts[1] + "x." + parts[2])
        #expect(!OpenSSLTool.verifiesRS256(tampered, publicKey: key.publicKey), "a changed payload must not verify")
        let other = try OpenSSLTool.generateRSAKey()
        #expect(!OpenSSLTool.verifiesRS256(token, publicKey: other.publicKey), "another key must not verify")
    }

    @Test func aKeyThatIsNotRSAIsRefusedWithAClearMessage() {
        #expect {
            _ = try GitHubAppJWT(
                appID: "1", privateKeyPEM: "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----\n"
            )
        } throws: { error in
            "\(error)".contains("GitHub App private key")
        }
    }
}
