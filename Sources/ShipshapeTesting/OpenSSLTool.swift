import Foundation

/// The `openssl` command line, as an independent second party for signatures: keys it makes
/// and verdicts it gives owe nothing to the code under test.
package enum OpenSSLTool {
    /// A fresh 2048-bit RSA key: (private PEM, public PEM). `pkcs1` gives GitHub's
    /// "BEGIN RSA PRIVATE KEY" form, otherwise PKCS#8.
    package static func generateRSAKey(pkcs1: Bool = true) throws -> (privateKey: String, publicKey: String) {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generate =
            pkcs1
            ? ["genrsa", "-traditional", "-out", "key.pem", "2048"]
            : ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem"]
        guard try run(generate, in: folder).status == 0,
            try run(["rsa", "-in", "key.pem", "-pubout", "-out", "public.pem"], in: folder).status == 0
        else {
            throw FixtureError("openssl could not make an RSA key")
        }
        return (
            try String(contentsOf: folder.appending(path: "key.pem"), encoding: .utf8),
            try String(contentsOf: folder.appending(path: "public.pem"), encoding: .utf8)
        )
    }

    /// Whether `jwt` is a well-formed RS256 token whose signature `publicKey` verifies.
    package static func verifiesRS256(_ jwt: String, publicKey: String) -> Bool {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = base64URLDecode(parts[2]),
            let header = base64URLDecode(parts[0]), String(decoding: header, as: UTF8.self).contains("\"RS256\""),
            let folder = try? scratchFolder()
        else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try Data(publicKey.utf8).write(to: folder.appending(path: "public.pem"))
            try Data((parts[0] + "." + parts[1]).utf8).write(to: folder.appending(path: "input"))
            try signature.write(to: folder.appending(path: "signature"))
            let result = try run(
                ["dgst", "-sha256", "-verify", "public.pem", "-signature", "signature", "input"], in: folder)
            return result.status == 0 && result.output.contains("Verified OK")
        } catch {
            return false
        }
    }

    /// HMAC-SHA256 of `data` with `key`, in lower-case hex: how forges sign webhook deliveries.
    package static func hmacSHA256(key: String, data: Data) throws -> String {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try data.write(to: folder.appending(path: "body"))
        let result = try run(["dgst", "-sha256", "-mac", "HMAC", "-macopt", "key:\(key)", "-r", "body"], in: folder)
        guard result.status == 0, let hex = result.output.split(separator: " ").first, hex.count == 64 else {
            throw FixtureError("openssl could not compute an HMAC: \(result.output)")
        }
        return String(hex)
    }

    package static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    private static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-openssl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        try ProcessRunner.tool("openssl", arguments, in: folder)
    }
}
