import Foundation
import ShipshapeTesting
import Testing

/// The Helm repository fixture, read back with `curl` (see `CurlResponse` in RegistryFixtureTests.swift)
/// and checked with `tar` and `sha256sum`.
@Suite struct HelmRepositoryFixtureTests {
    static let podinfo = HelmChartArchive(
        name: "podinfo", version: "6.5.0", appVersion: "6.5.0", home: "https://podinfo.example",
        sources: ["https://github.com/stefanprodan/podinfo"], values: "replicaCount: 1\n",
        templates: ["deployment.yaml": "kind: Deployment\n"], crds: ["crd.yaml": "kind: CustomResourceDefinition\n"])

    @Test func archivesARealChartTheSameWayEachTime() throws {
        let archive = try Self.podinfo.archive()
        #expect(try Self.podinfo.archive() == archive)
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-chart-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try archive.write(to: folder.appending(path: "chart.tgz"))
        let listing = try ProcessRunner.tool("tar", ["-tzf", "chart.tgz"], in: folder)
        let files = Set(listing.output.split(separator: "\n").map(String.init))
        #expect(
            files.isSuperset(of: [
                "podinfo/Chart.yaml", "podinfo/values.yaml", "podinfo/templates/deployment.yaml",
                "podinfo/crds/crd.yaml",
            ]))
        #expect(try ProcessRunner.tool("tar", ["-xzf", "chart.tgz"], in: folder).status == 0)
        let chartYAML = try String(contentsOf: folder.appending(path: "podinfo/Chart.yaml"), encoding: .utf8)
        #expect(chartYAML.hasPrefix("apiVersion: v2\nname: \"podinfo\"\nversion: \"6.5.0\"\nappVersion: \"6.5.0\""))
    }

    @Test func servesAnIndexWhoseDigestsAndURLsMatchTheArchives() throws {
        let repository = try HelmRepositoryFixture.start(charts: [
            Self.podinfo, Self.version("6.4.0"), Self.version("6.10.0"),
        ])
        defer { repository.shutdown() }
        let index = try CurlResponse.get(repository.url.appending(path: "index.yaml"))
        #expect(index.status == 200)
        #expect(
            index.text.hasPrefix(
                "apiVersion: v1\nentries:\n  \"podinfo\":\n  - apiVersion: v2\n    appVersion: \"6.10.0\"\n"))
        let versions = index.text.split(separator: "\n").filter { $0.hasPrefix("    version: ") }
        #expect(versions == ["    version: \"6.10.0\"", "    version: \"6.5.0\"", "    version: \"6.4.0\""])
        #expect(index.text.contains("  urls:\n    - \"charts/podinfo-6.5.0.tgz\"\n"))
        #expect(index.text.contains("    sources:\n    - \"https://github.com/stefanprodan/podinfo\"\n"))
        let chart = try CurlResponse.get(repository.url.appending(path: "charts/podinfo-6.5.0.tgz"))
        #expect(chart.status == 200)
        #expect(chart.body == (try Self.podinfo.archive()))
        #expect(index.text.contains("    digest: \(try Self.sha256sum(chart.body))\n"))
        #expect(try CurlResponse.get(repository.url.appending(path: "charts/missing-1.0.0.tgz")).status == 404)
        #expect(
            repository.requests == [
                "GET /index.yaml 200", "GET /charts/podinfo-6.5.0.tgz 200", "GET /charts/missing-1.0.0.tgz 404",
            ])
    }

    @Test func revalidatesTheIndexByETagAndByDate() throws {
        let repository = try HelmRepositoryFixture.start(charts: [Self.podinfo])
        defer { repository.shutdown() }
        let indexURL = repository.url.appending(path: "index.yaml")
        let first = try CurlResponse.get(indexURL)
        let etag = try #require(first.header("ETag"))
        let lastModified = try #require(first.header("Last-Modified"))
        let unchanged = try CurlResponse.get(indexURL, headers: ["If-None-Match: \(etag)"])
        #expect(unchanged.status == 304)
        #expect(unchanged.body.isEmpty)
        #expect(try CurlResponse.get(indexURL, headers: ["If-Modified-Since: \(lastModified)"]).status == 304)

        try repository.add(Self.version("6.6.0"))
        let changed = try CurlResponse.get(indexURL, headers: ["If-None-Match: \(etag)"])
        #expect(changed.status == 200)
        #expect(changed.text.contains("version: \"6.6.0\""))
        #expect(changed.header("ETag") != etag)
        #expect(try CurlResponse.get(indexURL, headers: ["If-Modified-Since: \(lastModified)"]).status == 200)
        let newEtag = try #require(changed.header("ETag"))
        #expect(try CurlResponse.get(indexURL, headers: ["If-None-Match: \(newEtag)"]).status == 304)
        #expect(
            repository.requests == [
                "GET /index.yaml 200", "GET /index.yaml 304", "GET /index.yaml 304",
                "GET /index.yaml 200", "GET /index.yaml 200", "GET /index.yaml 304",
            ])
    }

    static func version(_ version: String) -> HelmChartArchive {
        var chart = podinfo
        chart.version = version
        chart.appVersion = version
        return chart
    }

    static func sha256sum(_ data: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-sha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try data.write(to: folder.appending(path: "file"))
        return String(try ProcessRunner.tool("sha256sum", ["file"], in: folder).output.prefix(64))
    }
}
