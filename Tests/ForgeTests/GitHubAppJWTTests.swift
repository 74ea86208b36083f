import Foundation
import Testing
@testable import Forge

/// The app's JWT is checked by OpenSSL, not by the code that made it: a key generated with the
/// `openssl` tool signs, and `openssl dgst -verify` with the public half accepts or refuses.
@Suite struct GitHubAppJWTTests {
    static func openssl(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    @Test(arguments: [false, true])
    func opensslVerifiesTheSignatureAndTheClaimsAreGitHubs(pkcs8: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-jwt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // GitHub hands out PKCS#1 ("BEGIN RSA PRIVATE KEY"); PKCS#8 keys work too.
        let generate = pkcs8 ? ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem"]
            : ["genrsa", "-traditional", "-out", "key.pem", "2048"]
        #expect(try Self.openssl(generate, in: folder).status == 0)
        #expect(try Self.openssl(["rsa", "-in", "key.pem", "-pubout", "-out", "public.pem"], in: folder).status == 0)
        let pem = try String(contentsOf: folder.appending(path: "key.pem"), encoding: .utf8)
        #expect(pem.contains(pkcs8 ? "BEGIN PRIVATE KEY" : "BEGIN RSA PRIVATE KEY"))

        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let token = try GitHubAppJWT(appID: "123456", privateKeyPEM: pem).token(now: now)
        let parts = token.split(separator: ".")
        try #require(parts.count == 3)
        let header = try JSON.parse(try #require(Self.base64URLDecode(parts[0])))
        let claims = try JSON.parse(try #require(Self.base64URLDecode(parts[1])))
        #expect(header["alg"]?.string == "RS256")
        #expect(claims["iss"]?.string == "123456")
        #expect(claims["iat"]?.int == 1_800_000_000 - 60)
        let lifetime = (claims["exp"]?.int ?? 0) - (claims["iat"]?.int ?? 0)
        #expect(lifetime > 0 && lifetime <= 600, "GitHub refuses JWTs valid for more than ten minutes")

        try Data((parts[0] + "." + parts[1]).utf8).write(to: folder.appending(path: "input"))
        try #require(Self.base64URLDecode(parts[2])).write(to: folder.appending(path: "signature"))
        let verified = try Self.openssl(["dgst", "-sha256", "-verify", "public.pem", "-signature", "signature", "input"], in: folder)
        #expect(verified.status == 0 && verified.output.contains("Verified OK"), "\(verified.output)")

        try Data((parts[0] + "." + parts[1] + "x").utf8).write(to: folder.appending(path: "input"))
        let tampered = try Self.openssl(["dgst", "-sha256", "-verify", "public.pem", "-signature", "signature", "input"], in: folder)
        #expect(tampered.status != 0, "a changed payload must not verify")
    }

    @Test func aKeyThatIsNotRSAIsRefusedWithAClearMessage() {
        #expect {
            _ = try GitHubAppJWT(appID: "1", privateKeyPEM: "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----\n")
        } throws: { error in
            "\(error)".contains("GitHub App private key")
        }
    }
}
