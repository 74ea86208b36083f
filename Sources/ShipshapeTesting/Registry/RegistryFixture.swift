import Foundation

/// A real OCI registry (Debian's `docker-registry`, distribution 2.8) on 127.0.0.1, with
/// filesystem storage in a scratch folder, for testing clients that list image tags and chart
/// versions against the real thing: its auth challenges, its media types, its errors. (2.8 answers
/// a tag list in one piece, ignoring `n`: it cannot test a client's paging.)
///
/// In `.token` mode a token service of the fixture's own (a `LoopbackHTTPServer`) issues RS256
/// tokens the registry verifies. The fixture pushes content itself, through the HTTP API.
/// Call `shutdown()` when done (a `defer` right after starting it); `deinit` does it too.
///
/// `@unchecked Sendable`: pushes and shutdown are serialised by `lock`; the rest is immutable.
package final class RegistryFixture: @unchecked Sendable {
    package enum Authentication: Sendable {
        case none
        /// `auth.htpasswd`: every request needs these Basic credentials.
        case basic(user: String, password: String)
        /// `auth.token`: the registry challenges with `Bearer realm=…,service=…,scope=…`; the token
        /// service takes these Basic credentials.
        case token(user: String, password: String)
    }

    package let authentication: Authentication
    /// "127.0.0.1:PORT", the registry host as image references name it.
    package var host: String { "127.0.0.1:\(registry.port)" }
    package var baseURL: URL { URL(string: "http://\(host)")! }
    /// The token service's endpoint, the `realm` of the registry's challenge (`.token` mode only).
    package var tokenRealm: URL? { tokenService.map { $0.baseURL.appending(path: "token") } }

    /// The token service's `host:port` (`.token` mode only), as a login's `tokenHosts` names it.
    package func tokenHost() throws -> String {
        guard let tokenService else { throw FixtureError("the registry runs without a token service") }
        return "127.0.0.1:\(tokenService.port)"
    }

    /// Requests the token service received (any outcome), not counting the fixture's own.
    package var tokenRequests: Int { tokenIssuer?.requestsServed ?? 0 }

    let folder: URL
    let uploader: RegistryUploader
    let lock = NSLock()
    private let registry: RegistryProcess
    private let tokenService: LoopbackHTTPServer?
    private let tokenIssuer: RegistryTokenIssuer?
    private var stopped = false

    private init(
        authentication: Authentication, folder: URL, registry: RegistryProcess,
        tokenService: LoopbackHTTPServer?, tokenIssuer: RegistryTokenIssuer?
    ) {
        self.authentication = authentication
        self.folder = folder
        self.registry = registry
        self.tokenService = tokenService
        self.tokenIssuer = tokenIssuer
        let tokenRealm = tokenService.map { $0.baseURL.appending(path: "token") }
        uploader = RegistryUploader(
            baseURL: URL(string: "http://127.0.0.1:\(registry.port)")!,
            authentication: authentication, tokenRealm: tokenRealm)
    }

    deinit { shutdown() }

    /// `cachesBlobDescriptors`: see `RegistryConfiguration.cachesBlobDescriptors`.
    package static func start(authentication: Authentication = .none, cachesBlobDescriptors: Bool = false) throws
        -> RegistryFixture
    {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appending(path: "storage"), withIntermediateDirectories: true)
        var tokenService: LoopbackHTTPServer?
        do {
            let auth: RegistryConfiguration.Auth
            var tokenIssuer: RegistryTokenIssuer?
            switch authentication {
            case .none:
                auth = .none
            case .basic(let user, let password):
                let file = folder.appending(path: "htpasswd")
                try Data((RegistryConfiguration.htpasswdLine(user: user, password: password) + "\n").utf8).write(
                    to: file)
                auth = .htpasswd(file: file)
            case .token(let user, let password):
                let issuer = RegistryTokenIssuer(
                    user: user, password: password, signer: try RegistryTokenSigner(folder: folder))
                let service = try LoopbackHTTPServer { issuer.reply(to: $0) }
                tokenService = service
                tokenIssuer = issuer
                auth = .token(
                    realm: service.baseURL.appending(path: "token"),
                    rootCertificateBundle: issuer.signer.certificateFile)
            }
            let registry = try RegistryProcess.start(in: folder) {
                RegistryConfiguration(
                    storageFolder: folder.appending(path: "storage"), port: $0, auth: auth,
                    cachesBlobDescriptors: cachesBlobDescriptors)
            }
            return RegistryFixture(
                authentication: authentication, folder: folder, registry: registry,
                tokenService: tokenService, tokenIssuer: tokenIssuer)
        } catch {
            tokenService?.shutdown()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Replaces what the registry stores for a pushed blob, as a failing disk would: the registry
    /// serves the new bytes under the old digest (cut short, when they are fewer and it caches
    /// blob descriptors).
    package func overwriteStoredBlob(_ digest: String, with data: Data) throws {
        let hex = digest.split(separator: ":").last.map(String.init) ?? digest
        try data.write(
            to: folder.appending(path: "storage/docker/registry/v2/blobs/sha256/\(hex.prefix(2))/\(hex)/data"))
    }

    /// The request URIs (path and query, e.g. `/v2/team/app/tags/list`) the registry logged, in
    /// order, leaving out the fixture's own pushes: what tests count a client's requests by,
    /// independently of the client.
    package func requestLog() throws -> [String] {
        try RegistryAccessLog.entries(in: RegistryAccessLog.settledText(of: registry.accessLog))
            .filter { $0.userAgent != RegistryTokenIssuer.fixtureUserAgent }
            .map(\.uri)
    }

    /// The registry's own log (JSON lines), for a failing test's message.
    package func registryLog() -> String {
        (try? String(contentsOf: registry.applicationLog, encoding: .utf8)) ?? ""
    }

    /// Stops the registry and the token service and removes the scratch folder. Calling it again
    /// does nothing.
    package func shutdown() {
        let first: Bool = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        uploader.invalidate()
        registry.stop()
        tokenService?.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }
}
