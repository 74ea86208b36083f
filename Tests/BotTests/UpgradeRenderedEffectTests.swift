import Foundation
import HTTPKit
import HelmKit
import Policy
import Rendering
import ShipshapeTesting
import Testing
import Upgrades

@testable import Bot

/// An upgrade pull request says what the new chart version changes in what the repository
/// deploys: its releases rendered with its own values at both versions, findings compared.
@Suite struct UpgradeRenderedEffectTests {
    static func chart(_ version: String, podSpec: String) -> HelmChartArchive {
        HelmChartArchive(
            name: "web", version: version, values: "securityContext:\n  runAsNonRoot: true\n",
            templates: [
                "deployment.yaml": """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ .Release.Name }}
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                \(podSpec)
                      containers:
                        - name: web
                          image: "registry.example.com/web:{{ .Values.tag }}"
                          securityContext:
                            {{- toYaml .Values.securityContext | nindent 12 }}

                """
            ])
    }

    static let files: [String: String] = [
        "flux/source.yaml":
            "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: charts\nspec:\n  url: https://charts.example.com\n",
        "flux/web.yaml": """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: web
          namespace: web
        spec:
          chart:
            spec:
              chart: web
              version: 1.0.0
              sourceRef: {kind: HelmRepository, name: charts}
          values:
            tag: "2.4.1"

        """,
    ]

    @Test func theBodySaysWhichFindingsTheNewVersionAddsAndRemoves() async throws {
        let repository = try HelmRepositoryFixture.start(charts: [
            Self.chart("1.0.0", podSpec: "      hostNetwork: true"),
            Self.chart("2.0.0", podSpec: "      hostPID: true"),
        ])
        defer { repository.shutdown() }
        var settings = UpgradeSettings()
        settings.mirrors = SourceMirrors(["https://charts.example.com": repository.url.absoluteString])
        let http = CurlHTTPClient()
        let lookup = try VersionLookup.make(
            settings: settings, http: http, cache: DiskCache(folder: nil), tagListLifetime: .zero)
        let rendering = ChartRendering(
            library: try HelmLibrary(path: HelmLibraryLocator.locate().get()),
            fetcher: ChartArchiveFetcher(lookup: lookup, http: http), cacheFolder: nil)
        let configuration = try BundledData.defaultConfiguration()
        let policy = PolicyEngine(
            configuration: configuration, settings: EvaluationSettings(deprecations: try BundledData.deprecations()))
        let effect = UpgradeRenderedEffect(rendering: rendering, policy: policy)

        let before = Self.files.mapValues { Array($0.utf8) }
        let edited = [
            "flux/web.yaml": Array(
                Self.files["flux/web.yaml"]!.replacingOccurrences(of: "version: 1.0.0", with: "version: 2.0.0").utf8)
        ]
        let markdown = await effect.markdown(before: before, edited: edited)
        #expect(markdown.contains("(1 release(s) rendered with the repository's values)"), "\(markdown)")
        #expect(markdown.contains("| adds | `hostPIDSet` (danger) | Deployment web |"), "\(markdown)")
        #expect(markdown.contains("| removes | `hostNetworkSet` (danger) | Deployment web |"), "\(markdown)")
        #expect(
            markdown.components(separatedBy: "\n| adds").count + markdown.components(separatedBy: "\n| removes").count
                == 4, "one of each: \(markdown)")
    }
}
