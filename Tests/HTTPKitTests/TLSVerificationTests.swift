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
            try Self.openssl(
                [
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days",
                    "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                ], in: folder)
            // A port free when asked for may be taken by a test running alongside before s_server
            // binds it; then s_server exits and another port is tried.
            var started: (Int, Process)?
            for _ in 0..<5 where started == nil {
                let candidate = try freePort()
                let server = Process()
                server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                // -www answers every GET with a status page over HTTP/1.0.
                server.arguments = [
                    "openssl", "s_server", "-accept", "127.0.0.1:\(candidate)", "-cert", "cert.pem", "-key", "key.pem",
                    "-www", "-quiet",
                ]
                server.currentDirectoryURL = folder
                server.standardOutput = FileHandle.nullDevice
                server.standardError = FileHandle.nullDevice
                try server.run()
                for _ in 0..<100 where server.isRunning && !canConnect(port: candidate) { usleep(50_000) }
                if server.isRunning, canConnect(port: candidate) {
                    started = (candidate, server)
                } else {
                    kill(server.processIdentifier, SIGKILL)
                }
            }
            guard let started else { throw FixtureError("openssl s_server did not start") }
            (port, process) = started
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
            guard result.status == 0 else {
                throw FixtureError("openssl \(arguments.first ?? "") failed: \(result.output)")
            }
        }
    }

    @Test func anUnknownAuthorityIsRefusedAndACustomBundleIsTrusted() async throws {
        let server = try TLSServer()
        defer { server.stop() }

        let error = await #expect(throws: HTTPError.self) {
            try await CurlHTTPClient().send(HTTPRequest(url: server.url))
        }
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
