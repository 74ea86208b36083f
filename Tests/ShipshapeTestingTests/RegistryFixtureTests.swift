import Foundation
import ShipshapeTesting
import Testing

/// The registry fixture against the real docker-registry, read back with the `curl` command line
/// so nothing of Shipshape's own HTTP code is involved.
@Suite struct RegistryFixtureTests {
    static let source = "org.opencontainers.image.source"
    static let ociManifest = "application/vnd.oci.image.manifest.v1+json"

    @Test func pushesTagsThatTheRegistryListsAndServes() throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        let digests = try registry.pushImage(
            repository: "team/app", tags: ["1.0.0", "1.1.0", "latest"],
            labels: [Self.source: "https://github.com/team/app"])
        #expect(Set(digests.keys) == ["1.0.0", "1.1.0", "latest"])
        #expect(Set(digests.values).count == 1)
        let tags = try CurlResponse.get(registry.baseURL.appending(path: "v2/team/app/tags/list"))
        #expect(tags.status == 200)
        // Registry 2.8 lists tags in storage order, not sorted.
        #expect((tags.object["tags"] as? [String])?.sorted() == ["1.0.0", "1.1.0", "latest"])
        let manifest = try CurlResponse.get(
            registry.baseURL.appending(path: "v2/team/app/manifests/1.1.0"),
            headers: ["Accept: \(Self.ociManifest)"])
        #expect(manifest.header("Docker-Content-Digest") == digests["1.1.0"])
        let configDigest = try #require((manifest.object["config"] as? [String: Any])?["digest"] as? String)
        let config = try CurlResponse.get(registry.baseURL.appending(path: "v2/team/app/blobs/\(configDigest)"))
        let labels = (config.object["config"] as? [String: Any])?["Labels"] as? [String: String]
        #expect(labels?[Self.source] == "https://github.com/team/app")
        // The fixture's own pushes are left out of the log.
        #expect(
            try registry.requestLog()
                == ["/v2/team/app/tags/list", "/v2/team/app/manifests/1.1.0", "/v2/team/app/blobs/\(configDigest)"])
    }

    @Test func separatePushesAndLabelsGiveDifferentDigests() throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        let first = try registry.pushImage(repository: "app", tags: ["1.0"])
        let second = try registry.pushImage(repository: "app", tags: ["1.1"])
        let labelled = try registry.pushImage(repository: "app", tags: ["1.2"], labels: ["a": "b"])
        #expect(Set([first["1.0"], second["1.1"], labelled["1.2"]]).count == 3)
        let docker = try registry.pushImage(repository: "app", tags: ["2.0"], format: .dockerV2)
        let manifest = try CurlResponse.get(
            registry.baseURL.appending(path: "v2/app/manifests/2.0"),
            headers: ["Accept: application/vnd.docker.distribution.manifest.v2+json"])
        #expect(manifest.header("Content-Type") == "application/vnd.docker.distribution.manifest.v2+json")
        #expect(manifest.header("Docker-Content-Digest") == docker["2.0"])
    }

    /// Registry 2.8 does not page tag lists (distribution 3 does): `n` is ignored, every tag comes
    /// in one answer without a `Link` header. A client's paging needs another fixture.
    @Test func answersTagListsInOnePageWhateverNSays() throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try registry.pushImage(repository: "app", tags: ["a", "b", "c"])
        let page = try CurlResponse.get(URL(string: "\(registry.baseURL)/v2/app/tags/list?n=2")!)
        #expect((page.object["tags"] as? [String])?.sorted() == ["a", "b", "c"])
        #expect(page.header("Link") == nil)
        #expect(try registry.requestLog() == ["/v2/app/tags/list?n=2"])
    }

    @Test func basicAuthenticationRefusesAnonymousRequests() throws {
        let registry = try RegistryFixture.start(authentication: .basic(user: "alice", password: "s3cret"))
        defer { registry.shutdown() }
        try registry.pushImage(repository: "app", tags: ["1.0"])
        let url = registry.baseURL.appending(path: "v2/app/tags/list")
        let anonymous = try CurlResponse.get(url)
        #expect(anonymous.status == 401)
        #expect(anonymous.header("WWW-Authenticate")?.hasPrefix("Basic realm=") == true)
        #expect(try CurlResponse.get(url, user: "alice:wrong").status == 401)
        let authorised = try CurlResponse.get(url, user: "alice:s3cret")
        #expect(authorised.status == 200)
        #expect(authorised.object["tags"] as? [String] == ["1.0"])
    }

    @Test func tokenAuthenticationIssuesTokensTheRegistryAccepts() throws {
        let registry = try RegistryFixture.start(authentication: .token(user: "bot", password: "pw"))
        defer { registry.shutdown() }
        try registry.pushImage(repository: "team/app", tags: ["1.0", "1.1"])
        #expect(registry.tokenRequests == 0)
        let url = registry.baseURL.appending(path: "v2/team/app/tags/list")
        let challenged = try CurlResponse.get(url)
        #expect(challenged.status == 401)
        let realm = try #require(registry.tokenRealm)
        #expect(
            challenged.header("WWW-Authenticate")
                == "Bearer realm=\"\(realm.absoluteString)\",service=\"shipshape-registry\",scope=\"repository:team/app:pull\""
        )
        let tokenURL = URL(string: "\(realm.absoluteString)?service=shipshape-registry&scope=repository:team/app:pull")!
        #expect(try CurlResponse.get(tokenURL).status == 401)
        #expect(try CurlResponse.get(tokenURL, user: "bot:wrong").status == 401)
        let issued = try CurlResponse.get(tokenURL, user: "bot:pw")
        let token = try #require(issued.object["token"] as? String)
        let listed = try CurlResponse.get(url, headers: ["Authorization: Bearer \(token)"])
        #expect(listed.status == 200)
        #expect((listed.object["tags"] as? [String])?.sorted() == ["1.0", "1.1"])
        #expect(try CurlResponse.get(url, headers: ["Authorization: Bearer \(token)x"]).status == 401)
        let otherRepository = try CurlResponse.get(
            registry.baseURL.appending(path: "v2/other/tags/list"),
            headers: ["Authorization: Bearer \(token)"])
        #expect(otherRepository.status == 401)
        #expect(registry.tokenRequests == 3)
    }

    @Test(arguments: [
        RegistryFixture.Authentication.none, .basic(user: "u", password: "p"), .token(user: "u", password: "p"),
    ])
    func pushesChartsAsHelmDoes(authentication: RegistryFixture.Authentication) throws {
        let registry = try RegistryFixture.start(authentication: authentication)
        defer { registry.shutdown() }
        let chart = HelmChartArchive(
            name: "podinfo", version: "6.5.0+build.1", appVersion: "6.5.0",
            sources: ["https://github.com/stefanprodan/podinfo"], values: "replicaCount: 1\n")
        let digest = try registry.pushChart(
            repository: "charts/podinfo", archive: try chart.archive(), version: chart.version)
        #expect(digest.hasPrefix("sha256:"))
        #expect(registry.tokenRequests == 0)
        var headers = ["Accept: \(Self.ociManifest)"]
        var user: String?
        switch authentication {
        case .none: break
        case .basic: user = "u:p"
        case .token:
            let realm = try #require(registry.tokenRealm)
            let tokenURL = URL(
                string: "\(realm.absoluteString)?service=shipshape-registry&scope=repository:charts/podinfo:pull")!
            let issued = try CurlResponse.get(tokenURL, user: "u:p")
            headers.append("Authorization: Bearer \(try #require(issued.object["token"] as? String))")
        }
        let tags = try CurlResponse.get(
            registry.baseURL.appending(path: "v2/charts/podinfo/tags/list"), headers: headers, user: user)
        #expect(tags.object["tags"] as? [String] == ["6.5.0_build.1"])
        let manifest = try CurlResponse.get(
            registry.baseURL.appending(path: "v2/charts/podinfo/manifests/6.5.0_build.1"),
            headers: headers, user: user)
        #expect(manifest.header("Docker-Content-Digest") == digest)
        let config = try #require(manifest.object["config"] as? [String: Any])
        #expect(config["mediaType"] as? String == "application/vnd.cncf.helm.config.v1+json")
        let layers = manifest.object["layers"] as? [[String: Any]]
        #expect(layers?.first?["mediaType"] as? String == "application/vnd.cncf.helm.chart.content.v1.tar+gzip")
        let configDigest = try #require(config["digest"] as? String)
        let metadata = try CurlResponse.get(
            registry.baseURL.appending(path: "v2/charts/podinfo/blobs/\(configDigest)"),
            headers: headers, user: user)
        #expect(metadata.object["name"] as? String == "podinfo")
        #expect(metadata.object["version"] as? String == "6.5.0+build.1")
        #expect(metadata.object["appVersion"] as? String == "6.5.0")
        #expect(metadata.object["sources"] as? [String] == ["https://github.com/stefanprodan/podinfo"])
    }
}

/// A request made with the `curl` command line: status, header fields and body.
struct CurlResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data

    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    static func get(_ url: URL, headers: [String] = [], user: String? = nil) throws -> CurlResponse {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ["-s", "-S", "--max-time", "30", "-D", "head.txt", "-o", "body.bin"]
        for header in headers { arguments += ["-H", header] }
        if let user { arguments += ["-u", user] }
        let result = try ProcessRunner.tool("curl", arguments + [url.absoluteString], in: folder)
        guard result.status == 0 else { throw CurlFailure(description: "curl \(url): \(result.output)") }
        let head = try String(contentsOf: folder.appending(path: "head.txt"), encoding: .utf8)
        let lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0
        let fields = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        // curl writes no body file for an empty body (a 304, a HEAD).
        return CurlResponse(
            status: status, headers: fields, body: (try? Data(contentsOf: folder.appending(path: "body.bin"))) ?? Data()
        )
    }

    struct CurlFailure: Error, CustomStringConvertible {
        var description: String
    }
}
