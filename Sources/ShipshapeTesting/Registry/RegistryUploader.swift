import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The fixture's own registry client: uploads blobs and manifests through the Registry HTTP API
/// v2, authenticating the way its registry asks (Basic, or a bearer token from the token service
/// with push scope). Synchronous, one request at a time.
final class RegistryUploader {
    private let baseURL: URL
    private let authentication: RegistryFixture.Authentication
    private let tokenRealm: URL?
    private let session: URLSession
    private var tokens: [String: String] = [:]

    init(baseURL: URL, authentication: RegistryFixture.Authentication, tokenRealm: URL?) {
        self.baseURL = baseURL
        self.authentication = authentication
        self.tokenRealm = tokenRealm
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = 30
        session = URLSession(configuration: configuration)
    }

    func invalidate() { session.invalidateAndCancel() }

    /// A monolithic upload: POST opens an upload session, PUT with `?digest=` closes it with the data.
    func uploadBlob(_ blob: Data, repository: String) throws {
        let digest = SHA256Digest.digest(blob)
        let opened = try send(
            "POST", URL(string: "/v2/\(repository)/blobs/uploads/", relativeTo: baseURL)!, repository: repository)
        guard opened.status == 202, let location = opened.header("Location"),
            let uploadURL = URL(
                string: location + (location.contains("?") ? "&" : "?") + "digest=\(digest)", relativeTo: baseURL)
        else {
            throw FixtureError("registry refused to open a blob upload in \(repository): \(opened)")
        }
        let closed = try send(
            "PUT", uploadURL, repository: repository, body: blob, contentType: "application/octet-stream")
        guard closed.status == 201 else {
            throw FixtureError("registry refused blob \(digest) in \(repository): \(closed)")
        }
    }

    /// Puts a manifest under a tag and returns the digest the registry gives it (checked against ours).
    func putManifest(_ manifest: Data, mediaType: String, repository: String, tag: String) throws -> String {
        let url = URL(string: "/v2/\(repository)/manifests/\(tag)", relativeTo: baseURL)!
        let answer = try send("PUT", url, repository: repository, body: manifest, contentType: mediaType)
        let digest = SHA256Digest.digest(manifest)
        guard answer.status == 201, answer.header("Docker-Content-Digest") == digest else {
            throw FixtureError("registry refused manifest \(repository):\(tag) (expected digest \(digest)): \(answer)")
        }
        return digest
    }

    /// Sends with the repository's credentials; a 401 in token mode means the cached token expired
    /// (they last five minutes), so it is dropped and the request sent once more with a fresh one.
    private func send(
        _ method: String, _ url: URL, repository: String, body: Data? = nil, contentType: String? = nil,
        retryingExpiredToken: Bool = true
    ) throws -> Reply {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(RegistryTokenIssuer.fixtureUserAgent, forHTTPHeaderField: "User-Agent")
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let body { request.httpBody = body }
        if let authorization = try authorization(for: repository) {
            request.setValue(authorization, forHTTPHeaderField: "Authorization")
        }
        let reply = try perform(request)
        if reply.status == 401, retryingExpiredToken, tokens.removeValue(forKey: repository) != nil {
            return try send(
                method, url, repository: repository, body: body, contentType: contentType, retryingExpiredToken: false)
        }
        return reply
    }

    private func authorization(for repository: String) throws -> String? {
        switch authentication {
        case .none:
            return nil
        case .basic(let user, let password):
            return RegistryTokenIssuer.basicAuthorization(user: user, password: password)
        case .token(let user, let password):
            if let token = tokens[repository] { return "Bearer \(token)" }
            let token = try fetchToken(repository: repository, user: user, password: password)
            tokens[repository] = token
            return "Bearer \(token)"
        }
    }

    private func fetchToken(repository: String, user: String, password: String) throws -> String {
        guard let realm = tokenRealm, var components = URLComponents(url: realm, resolvingAgainstBaseURL: false) else {
            throw FixtureError("registry in token mode has no token service")
        }
        components.queryItems = [
            URLQueryItem(name: "service", value: RegistryTokenIssuer.service),
            URLQueryItem(name: "scope", value: "repository:\(repository):pull,push"),
        ]
        var request = URLRequest(url: components.url!)
        request.setValue(RegistryTokenIssuer.fixtureUserAgent, forHTTPHeaderField: "User-Agent")
        request.setValue(
            RegistryTokenIssuer.basicAuthorization(user: user, password: password), forHTTPHeaderField: "Authorization")
        let answer = try perform(request)
        guard answer.status == 200, let object = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any],
            let token = object["token"] as? String
        else {
            throw FixtureError("token service refused a push token for \(repository): \(answer)")
        }
        return token
    }

    private func perform(_ request: URLRequest) throws -> Reply {
        let outcome = Outcome()
        session.dataTask(with: request) { data, response, error in
            outcome.finish(data: data, response: response as? HTTPURLResponse, error: error)
        }.resume()
        return try outcome.wait(for: request)
    }

    struct Reply: CustomStringConvertible {
        var status: Int
        var headers: [String: String]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        var description: String { "HTTP \(status) \(String(decoding: body.prefix(500), as: UTF8.self))" }
    }

    /// Hands a data task's completion to the waiting caller. `@unchecked Sendable`: `reply` and
    /// `failure` are written once, on URLSession's thread, before `done.signal()`, and read only
    /// after `done.wait()`; the semaphore orders the two.
    private final class Outcome: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var reply: Reply?
        private var failure: (any Error)?

        func finish(data: Data?, response: HTTPURLResponse?, error: (any Error)?) {
            if let response {
                var headers: [String: String] = [:]
                for case (let name as String, let value as String) in response.allHeaderFields { headers[name] = value }
                reply = Reply(status: response.statusCode, headers: headers, body: data ?? Data())
            }
            failure = error
            done.signal()
        }

        func wait(for request: URLRequest) throws -> Reply {
            let method = request.httpMethod ?? "GET"
            let url = request.url?.absoluteString ?? "?"
            guard done.wait(timeout: .now() + 60) == .success else { throw FixtureError("\(method) \(url) timed out") }
            if let failure { throw FixtureError("\(method) \(url) failed: \(failure)") }
            guard let reply else { throw FixtureError("\(method) \(url) got no HTTP answer") }
            return reply
        }
    }
}
