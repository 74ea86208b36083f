import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

/// TLS against a real TLS server (`openssl s_server`) with a certificate no public authority
/// signed: refused by default, trusted through a custom CA bundle, as for a self-hosted forge.
@Suite struct TLSVerificationTests {
    final class TLSServer: @unchecked Sendable {
        let folder: URL
        let port: Int
        private let process: Process

        init() throws {
            folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-tls-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "1",
                              "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], in: folder)
            port = try freePort()
            process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            // -www answers every GET with a status page over HTTP/1.0.
            process.arguments = ["openssl", "s_server", "-accept", "127.0.0.1:\(port)", "-cert", "cert.pem", "-key", "key.pem", "-www", "-quiet"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<100 where !canConnect(port: port) { usleep(50_000) }
        }

        var certificate: String { folder.appending(path: "cert.pem").path }
        var url: URL { URL(string: "https://127.0.0.1:\(port)/")! }

        func stop() {
            // s_server does not end on SIGTERM while it waits for a connection.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: folder)
        }

        static func openssl(_ arguments: [String], in folder: URL) throws {
            let result = try ProcessRunner.tool("openssl", arguments, in: folder)
            guard result.status == 0 else { throw FixtureError("openssl \(arguments.first ?? "") failed: \(result.output)") }
        }
    }

    @Test func anUnknownAuthorityIsRefusedAndACustomBundleIsTrusted() async throws {
        let server = try TLSServer()
        defer { server.stop() }

        let error = await #expect(throws: HTTPError.self) { try await CurlHTTPClient().send(HTTPRequest(url: server.url)) }
        guard case .tlsFailed = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }

        var configuration = CurlHTTPClient.Configuration()
        configuration.caBundlePath = server.certificate
        let response = try await CurlHTTPClient(configuration: configuration).send(HTTPRequest(url: server.url))
        #expect(response.status == 200)
    }
}
