import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@testable import Upgrades

/// Against a Helm repository served as static files (index.yaml + archives) on loopback.
@Suite struct HelmRepositoryClientTests {
    static func charts() -> [HelmChartArchive] {
        [
            HelmChartArchive(
                name: "cert-manager", version: "v1.14.2", home: "https://cert-manager.io",
                sources: ["https://github.com/cert-manager/cert-manager"]),
            HelmChartArchive(name: "cert-manager", version: "v1.15.0", home: "https://cert-manager.io"),
            HelmChartArchive(name: "ingress-nginx", version: "4.10.0"),
        ]
    }

    @Test func oneDownloadPerRunWhateverNumberOfCharts() async throws {
        let repository = try HelmRepositoryFixture.start(charts: Self.charts())
        defer { repository.shutdown() }
        let client = HelmRepositoryClient(http: CurlHTTPClient(), cache: DiskCache(folder: nil))
        async let first = client.index(of: repository.url.absoluteString)
        async let second = client.index(of: repository.url.absoluteString + "/")
        let (one, two) = try await (first, second)
        #expect(one.charts["cert-manager"]?.map(\.version).sorted() == ["v1.14.2", "v1.15.0"])
        #expect(two.charts["ingress-nginx"]?.first?.version == "4.10.0")
        #expect(repository.requests == ["GET /index.yaml 200"])
        let release = try #require(one.charts["cert-manager"]?.first { $0.version == "v1.14.2" })
        #expect(release.sources == ["https://github.com/cert-manager/cert-manager"])
        let archive = try #require(
            HelmRepositoryClient.archiveURL(release.urls[0], repository: repository.url.absoluteString))
        #expect(archive.absoluteString == repository.url.absoluteString + "/charts/cert-manager-v1.14.2.tgz")
    }

    @Test func laterRunsRevalidateTheCachedIndex() async throws {
        let repository = try HelmRepositoryFixture.start(charts: Self.charts())
        defer { repository.shutdown() }
        let folder = FileManager.default.temporaryDirectory.appending(path: "helm-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = repository.url.absoluteString
        _ = try await HelmRepositoryClient(http: CurlHTTPClient(), cache: DiskCache(folder: folder)).index(of: url)
        let second = HelmRepositoryClient(http: CurlHTTPClient(), cache: DiskCache(folder: folder))
        let cached = try await second.index(of: url)
        #expect(cached.charts["cert-manager"]?.count == 2)
        #expect(await second.downloads == 0)
        #expect(await second.revalidated == 1)
        try repository.add(HelmChartArchive(name: "cert-manager", version: "v1.16.0"))
        let third = HelmRepositoryClient(http: CurlHTTPClient(), cache: DiskCache(folder: folder))
        #expect(try await third.index(of: url).charts["cert-manager"]?.count == 3)
        #expect(repository.requests == ["GET /index.yaml 200", "GET /index.yaml 304", "GET /index.yaml 200"])
    }

    @Test func notAnIndexSaysSo() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(ServedResponse(status: 200, body: Data("<html>hello</html>".utf8)))
        }
        defer { server.shutdown() }
        let client = HelmRepositoryClient(http: CurlHTTPClient(), cache: DiskCache(folder: nil))
        let error = await #expect(throws: DatasourceError.self) {
            try await client.index(of: server.baseURL.absoluteString)
        }
        #expect(error?.description.contains("not a Helm repository index") == true)
    }
}
