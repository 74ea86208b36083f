import Foundation
import HTTPKit

/// The OCI distribution API of one or many registries: tag lists (following `Link` pages),
/// manifests, blobs. Answers a 401 the way `docker` does: read the `WWW-Authenticate`
/// challenge, fetch a Bearer token from the named service for the repository's pull scope (with
/// the host's login, if any), or send Basic credentials; tokens are kept until they expire.
package actor RegistryClient {
    private let http: any HTTPClient
    private let credentials: RegistryCredentials
    private let plainHTTPHosts: Set<String>
    private var tokens: [String: (token: String, expires: ContinuousClock.Instant)] = [:]
    private var basicHosts: Set<String> = []
    /// The Bearer challenge each host answered once, so later repositories fetch their token
    /// first instead of spending a refused request each.
    private var bearerChallenges: [String: AuthenticationChallenge] = [:]

    /// Media types asked for when reading a manifest: image indexes first, so a multi-platform
    /// tag's digest is the one `docker pull` pins.
    static let manifestTypes = [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ]

    /// `plainHTTPHosts`: registries spoken to over plain HTTP (loopback ones always are, as Docker does).
    package init(
        http: any HTTPClient, credentials: RegistryCredentials = RegistryCredentials(), plainHTTPHosts: Set<String> = []
    ) {
        self.http = http
        self.credentials = credentials
        self.plainHTTPHosts = plainHTTPHosts
    }

    /// Every tag of `repository`, all pages: the first asked (and authorised) here, the rest
    /// followed by `sendAllPages` with the same credentials, never to another origin.
    package func tags(host: String, repository: String) async throws -> [String] {
        let subject = "\(host)/\(repository)"
        let (first, request) = try await exchange(
            try endpoint(host, "/v2/\(repository)/tags/list", query: "n=1000"),
            host: host, repository: repository, accept: "application/json")
        var pages = [first]
        if let next = first.link(rel: "next") {
            guard next.isSameOrigin(as: request.url) else {
                throw DatasourceError(
                    subject: subject, reason: "the tag list's next page is on another host; not followed")
            }
            var following = request
            following.url = next
            do { pages += try await http.sendAllPages(following, maxPages: 100) } catch let error as HTTPError {
                throw DatasourceError(subject: subject, reason: error.description)
            }
        }
        struct TagList: Decodable { let tags: [String]? }
        return try pages.flatMap { page in
            guard let list = try? JSONDecoder().decode(TagList.self, from: page.body) else {
                throw DatasourceError(subject: subject, reason: "the tag list is not the registry API's JSON")
            }
            return list.tags ?? []
        }
    }

    /// The manifest (or index) a tag or digest names, with its digest and media type.
    package func manifest(host: String, repository: String, reference: String) async throws -> (
        body: Data, digest: String?, mediaType: String?
    ) {
        let response = try await get(
            try endpoint(host, "/v2/\(repository)/manifests/\(reference)"), host: host, repository: repository,
            accept: Self.manifestTypes.joined(separator: ", "))
        return (response.body, response.headers["Docker-Content-Digest"], response.headers["Content-Type"])
    }

    package func blob(host: String, repository: String, digest: String) async throws -> Data {
        try await get(
            try endpoint(host, "/v2/\(repository)/blobs/\(digest)"), host: host, repository: repository, accept: "*/*"
        ).body
    }

    /// A blob too large to hold (an image layer): its bytes go to `receiver` as they arrive. It may
    /// take up to `timeout` in all, as long as no `idleTimeout` passes without a byte (the HTTP
    /// client's own limit is for a whole exchange, meant for manifests and tokens).
    package func blob(
        host: String, repository: String, digest: String, to receiver: any HTTPBodyReceiver, timeout: Duration,
        idleTimeout: Duration
    ) async throws {
        _ = try await exchange(
            try endpoint(host, "/v2/\(repository)/blobs/\(digest)"), host: host, repository: repository, accept: "*/*",
            receiver: receiver, timeout: timeout, idleTimeout: idleTimeout)
    }

    /// The image's `org.opencontainers.image.source` label (or `org.label-schema.vcs-url`), read
    /// from the config of the tag's image (the first platform's, for an index).
    package func sourceLabel(host: String, repository: String, tag: String) async throws -> String? {
        var manifest = try await self.manifest(host: host, repository: repository, reference: tag)
        struct Manifest: Decodable {
            struct Descriptor: Decodable { let digest: String }
            let config: Descriptor?
            let manifests: [Descriptor]?
        }
        var decoded = try JSONDecoder().decode(Manifest.self, from: manifest.body)
        if decoded.config == nil, let first = decoded.manifests?.first {
            manifest = try await self.manifest(host: host, repository: repository, reference: first.digest)
            decoded = try JSONDecoder().decode(Manifest.self, from: manifest.body)
        }
        guard let config = decoded.config else { return nil }
        let blob = try await self.blob(host: host, repository: repository, digest: config.digest)
        struct ImageConfig: Decodable {
            struct Inner: Decodable {
                let labels: [String: String]?
                enum CodingKeys: String, CodingKey { case labels = "Labels" }
            }
            let config: Inner?
        }
        let labels = (try? JSONDecoder().decode(ImageConfig.self, from: blob))?.config?.labels ?? [:]
        return labels["org.opencontainers.image.source"] ?? labels["org.label-schema.vcs-url"]
    }

    // MARK: - Requests and authentication

    func endpoint(_ host: String, _ path: String, query: String? = nil) throws -> URL {
        let scheme = usesPlainHTTP(host) ? "http" : "https"
        guard let url = URL(string: "\(scheme)://\(host)\(path)" + (query.map { "?" + $0 } ?? "")) else {
            throw DatasourceError(subject: "\(host)\(path)", reason: "not a valid registry URL")
        }
        return url
    }

    /// https, loopback, or a registry configured as insecure.
    private func mayUsePlainHTTP(_ url: URL) -> Bool {
        guard url.scheme?.lowercased() == "http", let authority = url.authority else { return true }
        return usesPlainHTTP(authority)
    }

    private func usesPlainHTTP(_ host: String) -> Bool {
        let name = host.split(separator: ":").first.map(String.init) ?? host
        return plainHTTPHosts.contains(host) || name == "localhost" || name == "127.0.0.1" || name == "[::1]"
    }

    private func get(_ url: URL, host: String, repository: String, accept: String) async throws -> HTTPResponse {
        try await exchange(url, host: host, repository: repository, accept: accept).response
    }

    /// The answer, and the request that got it (with the credentials that worked).
    /// `receiver`: where a successful answer's body goes as it arrives (nil: into the response);
    /// `timeout` and `idleTimeout` as `HTTPRequest` takes them (nil: the client's limit).
    private func exchange(
        _ url: URL, host: String, repository: String, accept: String, receiver: (any HTTPBodyReceiver)? = nil,
        timeout: Duration? = nil, idleTimeout: Duration? = nil
    ) async throws -> (response: HTTPResponse, request: HTTPRequest) {
        let scope = "repository:\(repository):pull"
        var request = HTTPRequest(url: url, headers: ["Accept": accept], timeout: timeout, idleTimeout: idleTimeout)
        if let token = validToken(host: host, scope: scope) {
            request.headers["Authorization"] = "Bearer \(token)"
        } else if let challenge = bearerChallenges[host] {
            request.headers["Authorization"] = try await authorization(for: challenge, host: host, scope: scope)
        } else if basicHosts.contains(host), let login = credentials.login(for: host) {
            request.headers["Authorization"] = login.basicAuthorization
        }
        let http = self.http
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            guard let receiver else { return try await http.send(request) }
            return try await http.send(request, bodyTo: receiver)
        }
        var response = try await send(request)
        if response.status == 401, let header = response.headers["WWW-Authenticate"],
            let challenge = AuthenticationChallenge(header: header)
        {
            request.headers["Authorization"] = try await authorization(for: challenge, host: host, scope: scope)
            response = try await send(request)
        }
        guard response.isSuccess else {
            let reason =
                response.status == 401 || response.status == 403
                ? "the registry refused access (\(response.status)); give credentials for \(host) in the config or a Docker config.json"
                : response.status == 404
                    ? "not found in the registry (404)" : "the registry answered \(response.status)"
            throw DatasourceError(subject: "\(host)/\(repository)", reason: reason)
        }
        return (response, request)
    }

    private func authorization(for challenge: AuthenticationChallenge, host: String, scope: String) async throws
        -> String
    {
        let login = credentials.login(for: host)
        switch challenge.scheme.lowercased() {
        case "basic":
            guard let login else {
                throw DatasourceError(
                    subject: host, reason: "the registry asks for a login and none is configured for \(host)")
            }
            basicHosts.insert(host)
            return login.basicAuthorization
        case "bearer":
            guard let realm = challenge.parameters["realm"], var components = URLComponents(string: realm) else {
                throw DatasourceError(subject: host, reason: "the Bearer challenge names no token realm")
            }
            bearerChallenges[host] = challenge
            var query = components.queryItems ?? []
            if let service = challenge.parameters["service"] {
                query.append(URLQueryItem(name: "service", value: service))
            }
            query.append(URLQueryItem(name: "scope", value: scope))
            components.queryItems = query
            guard let url = components.url else {
                throw DatasourceError(subject: host, reason: "the token realm \(realm) is not a URL")
            }
            var request = HTTPRequest(url: url, headers: ["Accept": "application/json"])
            // The registry's password goes to a token service elsewhere only when configured so.
            let shared = login.flatMap {
                RegistryCredentials.mayShare(loginOf: host, with: url, login: $0) && mayUsePlainHTTP(url) ? $0 : nil
            }
            if let shared { request.headers["Authorization"] = shared.basicAuthorization }
            let response = try await http.send(request)
            guard response.isSuccess else {
                let note =
                    login == nil
                    ? " (no login configured for \(host))"
                    : shared == nil
                        ? " (the login for \(host) is not sent to the token service on \(components.host ?? realm); name that host in the registry's tokenHosts to send it)"
                        : ""
                throw DatasourceError(
                    subject: host,
                    reason: "the token service \(components.host ?? realm) answered \(response.status)\(note)")
            }
            struct TokenAnswer: Decodable {
                let token: String?
                let accessToken: String?
                let expiresIn: Int?
                enum CodingKeys: String, CodingKey {
                    case token
                    case accessToken = "access_token"
                    case expiresIn = "expires_in"
                }
            }
            guard let answer = try? JSONDecoder().decode(TokenAnswer.self, from: response.body),
                let token = answer.token ?? answer.accessToken
            else {
                throw DatasourceError(subject: host, reason: "the token service's answer holds no token")
            }
            // Kept a little shorter than it lives, so it is never sent just as it expires.
            let lifetime = max((answer.expiresIn ?? 60) - 10, 5)
            tokens["\(host) \(scope)"] = (token, .now + .seconds(lifetime))
            return "Bearer \(token)"
        default:
            throw DatasourceError(
                subject: host,
                reason: "the registry asks for \(challenge.scheme) authentication, which is not supported")
        }
    }

    private func validToken(host: String, scope: String) -> String? {
        guard let entry = tokens["\(host) \(scope)"], entry.expires > .now else { return nil }
        return entry.token
    }
}
