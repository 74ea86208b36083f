import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@testable import Upgrades

/// Against a real `docker-registry` on loopback: anonymous, Basic (htpasswd) and Bearer (our
/// token service) authentication, as `docker` meets them.
@Suite(.serialized) struct RegistryClientTests {
    @Test func listsTagsAnonymously() async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try registry.pushImage(repository: "team/api", tags: ["1.0.0", "1.1.0", "2.0.0", "latest"])
        let client = RegistryClient(http: CurlHTTPClient())
        let tags = try await client.tags(host: registry.host, repository: "team/api")
        #expect(Set(tags) == ["1.0.0", "1.1.0", "2.0.0", "latest"])
        #expect(try registry.requestLog().filter { $0.contains("/tags/list") }.count == 1)
    }

    @Test func basicAuthenticationWithConfiguredLoginAndWithout() async throws {
        let registry = try RegistryFixture.start(authentication: .basic(user: "bot", password: "s3cret"))
        defer { registry.shutdown() }
        try registry.pushImage(repository: "private/app", tags: ["0.1.0"])
        let withLogin = RegistryClient(
            http: CurlHTTPClient(),
            credentials: RegistryCredentials([registry.host: .init(username: "bot", password: "s3cret")]))
        #expect(try await withLogin.tags(host: registry.host, repository: "private/app") == ["0.1.0"])
        let anonymous = RegistryClient(http: CurlHTTPClient())
        let error = await #expect(throws: DatasourceError.self) {
            try await anonymous.tags(host: registry.host, repository: "private/app")
        }
        #expect(error?.description.contains("asks for a login and none is configured for \(registry.host)") == true)
    }

    @Test func bearerTokenFromTheChallengedServiceOncePerRepository() async throws {
        let registry = try RegistryFixture.start(authentication: .token(user: "bot", password: "tok"))
        defer { registry.shutdown() }
        try registry.pushImage(repository: "org/one", tags: ["1.0.0", "1.0.1"])
        try registry.pushImage(repository: "org/two", tags: ["3.2.1"])
        let client = RegistryClient(
            http: CurlHTTPClient(),
            credentials: RegistryCredentials([
                registry.host: .init(username: "bot", password: "tok", tokenHosts: [try registry.tokenHost()])
            ]))
        #expect(Set(try await client.tags(host: registry.host, repository: "org/one")) == ["1.0.0", "1.0.1"])
        #expect(try await client.tags(host: registry.host, repository: "org/two") == ["3.2.1"])
        #expect(Set(try await client.tags(host: registry.host, repository: "org/one")) == ["1.0.0", "1.0.1"])
        #expect(registry.tokenRequests == 2, "one token per repository scope, reused while valid")
        let listings = try registry.requestLog().filter { $0.contains("/tags/list") }
        // The first repository meets the challenge (401, then the retry); later ones fetch their token first.
        #expect(listings.count == 4)
    }

    @Test func tokenServiceRefusalSaysWhichHost() async throws {
        let registry = try RegistryFixture.start(authentication: .token(user: "bot", password: "tok"))
        defer { registry.shutdown() }
        try registry.pushImage(repository: "org/one", tags: ["1.0.0"])
        let client = RegistryClient(
            http: CurlHTTPClient(),
            credentials: RegistryCredentials([
                registry.host: .init(username: "bot", password: "wrong", tokenHosts: [try registry.tokenHost()])
            ]))
        let error = await #expect(throws: DatasourceError.self) {
            try await client.tags(host: registry.host, repository: "org/one")
        }
        #expect(error?.description.contains("token service") == true)
        #expect(error?.description.contains("401") == true)
    }

    /// The token service is on another port of loopback: another origin, as auth.docker.io is to
    /// registry-1.docker.io. Without `tokenHosts` the login stays home and the token is asked anonymously.
    @Test func aTokenServiceOnAnotherHostGetsTheLoginOnlyWhenConfigured() async throws {
        let registry = try RegistryFixture.start(authentication: .token(user: "bot", password: "tok"))
        defer { registry.shutdown() }
        try registry.pushImage(repository: "org/one", tags: ["1.0.0"])
        let unconfigured = RegistryClient(
            http: CurlHTTPClient(),
            credentials: RegistryCredentials([registry.host: .init(username: "bot", password: "tok")]))
        let error = await #expect(throws: DatasourceError.self) {
            try await unconfigured.tags(host: registry.host, repository: "org/one")
        }
        #expect(error?.description.contains("is not sent to the token service on 127.0.0.1") == true)
        #expect(error?.description.contains("tokenHosts") == true)

        let configured = RegistryClient(
            http: CurlHTTPClient(),
            credentials: RegistryCredentials([
                registry.host: .init(username: "bot", password: "tok", tokenHosts: [try registry.tokenHost()])
            ]))
        #expect(try await configured.tags(host: registry.host, repository: "org/one") == ["1.0.0"])
    }

    @Test func theRegistrysOwnHostAndDockerHubsTokenServiceMayHaveTheLogin() throws {
        let login = RegistryCredentials.Login(username: "bot", password: "pw", tokenHosts: ["auth.example.com"])
        #expect(
            RegistryCredentials.mayShare(
                loginOf: "registry.example.com", with: URL(string: "https://registry.example.com/token")!, login: login)
        )
        #expect(
            RegistryCredentials.mayShare(
                loginOf: "registry.example.com", with: URL(string: "https://auth.example.com/token")!, login: login))
        #expect(
            !RegistryCredentials.mayShare(
                loginOf: "registry.example.com", with: URL(string: "https://evil.example.net/token")!, login: login))
        // A default port written out is the same place; another port is not.
        #expect(
            RegistryCredentials.mayShare(
                loginOf: "registry.example.com", with: URL(string: "https://registry.example.com:443/token")!,
                login: login))
        #expect(
            RegistryCredentials.mayShare(
                loginOf: "registry.example.com", with: URL(string: "https://AUTH.example.com:443/token")!, login: login)
        )
        #expect(
            !RegistryCredentials.mayShare(
                loginOf: "registry.example.com", with: URL(string: "https://registry.example.com:8443/token")!,
                login: login))
        #expect(
            RegistryCredentials.mayShare(
                loginOf: "docker.io", with: URL(string: "https://auth.docker.io/token")!, login: login))
        #expect(
            !RegistryCredentials.mayShare(
                loginOf: "ghcr.io", with: URL(string: "https://auth.docker.io/token")!, login: login))
    }

    @Test func loginFromDockerConfig() async throws {
        let registry = try RegistryFixture.start(authentication: .basic(user: "ci", password: "pa:ss"))
        defer { registry.shutdown() }
        try registry.pushImage(repository: "team/tool", tags: ["5.0"])
        let folder = FileManager.default.temporaryDirectory.appending(path: "docker-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let auth = Data("ci:pa:ss".utf8).base64EncodedString()
        try Data(
            #"{"auths": {"\#(registry.host)": {"auth": "\#(auth)"}, "https://index.docker.io/v1/": {"auth": "\#(auth)"}}}"#
                .utf8
        )
        .write(to: folder.appending(path: "config.json"))
        let credentials = try RegistryCredentials.dockerConfig(at: folder.appending(path: "config.json").path)
        #expect(credentials.login(for: "docker.io")?.username == "ci")
        let client = RegistryClient(http: CurlHTTPClient(), credentials: credentials)
        #expect(try await client.tags(host: registry.host, repository: "team/tool") == ["5.0"])
    }

    @Test func digestAndSourceLabelOfATag() async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        let digests = try registry.pushImage(
            repository: "team/web", tags: ["2.0.0"],
            labels: ["org.opencontainers.image.source": "https://github.com/team/web"])
        let client = RegistryClient(http: CurlHTTPClient())
        let manifest = try await client.manifest(host: registry.host, repository: "team/web", reference: "2.0.0")
        #expect(manifest.digest == digests["2.0.0"])
        #expect(
            try await client.sourceLabel(host: registry.host, repository: "team/web", tag: "2.0.0")
                == "https://github.com/team/web")
    }

    @Test func missingRepositoryIsAnErrorForItAlone() async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        let client = RegistryClient(http: CurlHTTPClient())
        let error = await #expect(throws: DatasourceError.self) {
            try await client.tags(host: registry.host, repository: "nobody/here")
        }
        #expect(error?.description == "\(registry.host)/nobody/here: not found in the registry (404)")
    }

    /// Registry 2.8 answers every tag in one page, so paging is tried on a server that pages the
    /// way the distribution spec (and ghcr.io, quay.io) do: `Link: <...?last=X&n=N>; rel="next"`.
    @Test func followsLinkPagination() async throws {
        let tags = (1...25).map { "1.0.\($0)" }
        let server = try LoopbackHTTPServer { request in
            let last = request.queryItems["last"]
            let start = last.flatMap { tags.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            let page = Array(tags[start..<min(start + 10, tags.count)])
            var headers: [(name: String, value: String)] = []
            if let final = page.last, start + 10 < tags.count {
                headers.append(("Link", "</v2/team/paged/tags/list?last=\(final)&n=10>; rel=\"next\""))
            }
            return .respond(.json(200, ["name": "team/paged", "tags": page], headers: headers))
        }
        defer { server.shutdown() }
        let client = RegistryClient(http: CurlHTTPClient())
        #expect(try await client.tags(host: "127.0.0.1:\(server.port)", repository: "team/paged") == tags)
        #expect(server.requestsServed == 3)
    }

    @Test(arguments: [
        (
            #"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull""#,
            "Bearer",
            [
                "realm": "https://auth.docker.io/token", "service": "registry.docker.io",
                "scope": "repository:library/nginx:pull",
            ]
        ),
        (#"Basic realm="Registry Realm""#, "Basic", ["realm": "Registry Realm"]),
        (
            #"Bearer realm="https://ghcr.io/token", service=ghcr.io, scope="repository:a/b:pull,push""#,
            "Bearer", ["realm": "https://ghcr.io/token", "service": "ghcr.io", "scope": "repository:a/b:pull,push"]
        ),
    ])
    func readsChallenges(_ header: String, _ scheme: String, _ parameters: [String: String]) throws {
        let challenge = try #require(AuthenticationChallenge(header: header))
        #expect(challenge.scheme == scheme)
        #expect(challenge.parameters == parameters)
    }
}
