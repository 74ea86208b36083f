import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@testable import Upgrades

/// A whole run against a real registry and a Helm repository on loopback: find, look up,
/// choose under policies, write; only version text changes, each repository is asked once.
@Suite(.serialized) struct UpgradeRunTests {
    @Test func upgradesAChartItsImagesAndAPodImageEditingOnlyVersions() async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try registry.pushImage(
            repository: "jetstack/cert-manager-controller", tags: ["v1.14.2", "v1.14.5", "v1.15.0", "v2.0.0-alpha.1"])
        let apiDigests = try registry.pushImage(
            repository: "team/api", tags: ["1.0.0", "1.0.1", "1.1.0", "2.0.0", "latest"])
        try registry.pushImage(repository: "team/api-alpine", tags: ["1.0.0-alpine", "1.2.0-alpine", "1.3.0"])
        let charts = try HelmRepositoryFixture.start(charts: [
            HelmChartArchive(name: "cert-manager", version: "v1.14.2"),
            HelmChartArchive(
                name: "cert-manager", version: "v1.14.5", home: "https://cert-manager.io",
                sources: ["https://github.com/cert-manager/cert-manager"]),
            HelmChartArchive(name: "cert-manager", version: "v1.15.0"),
        ])
        defer { charts.shutdown() }
        let host = registry.host
        let release = """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: cert-manager
            spec:
              chart:
                spec:
                  chart: cert-manager
                  version: "v1.14.2" # pinned
                  sourceRef: {kind: HelmRepository, name: jetstack}
              values:
                image:
                  repository: \(host)/jetstack/cert-manager-controller
                  tag: v1.14.2
            """
        let tree = try TreeFolder([
            "sources.yaml": """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: jetstack
            spec:
              url: \(charts.url.absoluteString)
            """,
            "cert-manager.yaml": release,
            "api/deployment.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: \(host)/team/api:1.0.0@\(apiDigests["1.0.0"]!)
                    - name: edge
                      image: \(host)/team/api-alpine:1.0.0-alpine
                    - name: gone
                      image: \(host)/team/missing:1.0.0
            """,
            "api/job.yaml": """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: api-migrate}
            spec:
              template:
                spec:
                  containers:
                    - {name: migrate, image: "\(host)/team/api:1.0.0"}
                    - {name: tools, image: "\(host)/team/api:latest"}
            """,
        ])
        defer { tree.remove() }
        var settings = UpgradeSettings()
        settings.rules = [UpgradeRule(patterns: ["cert-manager"], policy: UpgradePolicy(allow: .patch))]
        let lookup = try VersionLookup.make(
            settings: settings, http: CurlHTTPClient(), cache: DiskCache(folder: nil), tagListLifetime: .zero)
        let detection = try DependencyScanner.scan([tree.path])
        let report = await UpgradePlanner(settings: settings, lookup: lookup, readsSourceLabels: true).plan(detection)

        func upgrade(_ name: String, in file: String) -> Upgrade? {
            report.upgrades.first { $0.dependency.name == name && $0.dependency.location.file.hasSuffix(file) }
        }
        let chart = try #require(upgrade("cert-manager", in: "cert-manager.yaml"))
        #expect(chart.newValue == "v1.14.5")
        #expect(chart.newestOverall == "v1.15.0")
        #expect(chart.updateType == .patch)
        #expect(chart.releaseNotes == ["https://cert-manager.io", "https://github.com/cert-manager/cert-manager"])
        #expect(chart.newArchive?.absoluteString == charts.url.absoluteString + "/charts/cert-manager-v1.14.5.tgz")
        let controller = try #require(upgrade("\(host)/jetstack/cert-manager-controller", in: "cert-manager.yaml"))
        #expect(
            controller.newValue == "v1.14.5",
            "images in the chart's values follow the chart's rule; the alpha is unstable")
        let api = try #require(upgrade("\(host)/team/api", in: "deployment.yaml"))
        #expect(api.newValue == "2.0.0")
        #expect(api.updateType == .major)
        #expect(api.newDigest == apiDigests["2.0.0"])
        #expect(upgrade("\(host)/team/api-alpine", in: "deployment.yaml")?.newValue == "1.2.0-alpine")
        #expect(report.failures.map(\.dependency.name) == ["\(host)/team/missing"])
        #expect(report.skipped.map(\.reason) == ["latest is not a docker version"])

        let tagLists = try registry.requestLog().filter { $0.contains("/tags/list") }
        #expect(tagLists.count == 4, "one request per repository, though team/api is pinned three times: \(tagLists)")
        #expect(await lookup.tagListRequests == 4)
        #expect(charts.requests.filter { $0.contains("index.yaml") } == ["GET /index.yaml 200"])

        let outcome = UpgradeEditor.apply(report.upgrades) { path in
            Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(outcome.refused.isEmpty)
        for (path, bytes) in outcome.files { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
        #expect(
            try tree.read("cert-manager.yaml")
                == release
                .replacingOccurrences(of: "version: \"v1.14.2\"", with: "version: \"v1.14.5\"")
                .replacingOccurrences(of: "tag: v1.14.2", with: "tag: v1.14.5"))
        let deployment = try tree.read("api/deployment.yaml")
        #expect(deployment.contains("image: \(host)/team/api:2.0.0@\(apiDigests["2.0.0"]!)\n"))
        #expect(deployment.contains("image: \(host)/team/api-alpine:1.2.0-alpine\n"))
        #expect(try tree.read("api/job.yaml").contains("{name: migrate, image: \"\(host)/team/api:2.0.0\"}"))

        let again = await UpgradePlanner(settings: settings, lookup: lookup).plan(
            try DependencyScanner.scan([tree.path]))
        #expect(again.upgrades.compactMap(\.newValue).isEmpty, "a second run finds nothing to write")
    }

    @Test func onlyLimitsTheRunToOneAddOn() async throws {
        let charts = try HelmRepositoryFixture.start(charts: [
            HelmChartArchive(name: "a", version: "1.0.0"), HelmChartArchive(name: "a", version: "1.1.0"),
            HelmChartArchive(name: "b", version: "1.0.0"), HelmChartArchive(name: "b", version: "1.2.0"),
        ])
        defer { charts.shutdown() }
        let tree = try TreeFolder([
            "kustomization.yaml": """
            helmCharts:
              - {name: a, repo: \(charts.url.absoluteString), version: 1.0.0}
              - {name: b, repo: \(charts.url.absoluteString), version: 1.0.0}
            """
        ])
        defer { tree.remove() }
        let lookup = try VersionLookup.make(
            settings: UpgradeSettings(), http: CurlHTTPClient(), cache: DiskCache(folder: nil), tagListLifetime: .zero)
        let report = await UpgradePlanner(settings: UpgradeSettings(), lookup: lookup).plan(
            try DependencyScanner.scan([tree.path]), only: "b")
        #expect(report.upgrades.map { "\($0.dependency.name) \($0.newValue ?? "-")" } == ["b 1.2.0"])
    }
}
