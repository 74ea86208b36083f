import Foundation
import HTTPKit
import Manifests
import Policy
import ShipshapeTesting
import Testing
import Upgrades

@testable import Rendering

/// Every HelmRelease and Application of `../shared/corpus-gitops` whose chart is one of
/// `../shared/charts` is rendered (or has a note saying why not): the charts served by a real
/// registry and a Helm repository on loopback, at every version the corpus pins (a test copy:
/// our chart under the pinned version), every other source answered "not found" there.
@Suite(.serialized) struct CorpusRenderingTests {
    static let ourCharts: [String: (folder: String, subcharts: [(String, String)])] = [
        "app-template": ("app-template-4.1.1", [("common", "common-4.1.1")]),
        "podinfo": ("podinfo-6.14.1", []),
        "metrics-server": ("metrics-server-3.13.1", []),
        "external-dns": ("external-dns-1.21.1", []),
    ]

    @Test func everyReleaseOfOurChartsRendersOrSaysWhy() async throws {
        let corpus = SharedData.folder.appending(path: "corpus-gitops")
        let repositories = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
            .filter { !$0.hasSuffix(".md") && !$0.hasSuffix(".tsv") }
        let census = try repositories.map {
            try CorpusCensus(folder: corpus.appending(path: $0), charts: Set(Self.ourCharts.keys))
        }
        let expected = census.reduce(0) { $0 + $1.releases.count }

        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        let helm = try HelmRepositoryFixture.start(charts: [])
        defer { helm.shutdown() }
        var archives: [String: Data] = [:]
        for (name, chart) in Self.ourCharts {
            archives[name] = try ChartFolderArchive.pack(
                ChartFolderArchive.shared(chart.folder), name: name,
                subcharts: chart.subcharts.map { ($0.0, ChartFolderArchive.shared($0.1)) })
        }
        var mirrors: [String: String] = [:]
        for entry in census {
            for (repository, tag) in entry.ociPins {
                try registry.pushChart(repository: repository.path, archive: archives[repository.chart]!, version: tag)
            }
            for (chart, version) in entry.httpPins {
                helm.add(name: chart, version: version, archive: archives[chart]!)
            }
            for host in entry.registryHosts { mirrors[host] = registry.host }
            for url in entry.helmRepositories { mirrors[url] = helm.url.absoluteString }
        }
        for (name, chart) in Self.ourCharts {
            helm.add(name: name, version: String(chart.folder.dropFirst(name.count + 1)), archive: archives[name]!)
        }
        var settings = UpgradeSettings()
        settings.mirrors = SourceMirrors(mirrors)
        settings.plainHTTPHosts = [registry.host]
        let http = CurlHTTPClient()
        let lookup = try VersionLookup.make(
            settings: settings, http: http, cache: DiskCache(folder: nil), tagListLifetime: .zero)
        let rendering = ChartRendering(
            library: try RenderHarness.library.get(), fetcher: ChartArchiveFetcher(lookup: lookup, http: http),
            cacheFolder: nil)

        var rendered = 0
        var explained = 0
        var objects = 0
        var findingsBefore = 0
        var findingsAfter = 0
        var onValues = 0
        var onRendered = 0
        let engine = try RenderHarness.engine()
        var reasons: [String: Int] = [:]
        for entry in census {
            let files = try ManifestWalker.files(under: [entry.folder.path])
            let started = ContinuousClock.now
            let outcome = await rendering.render(files: files) { try FileContents.read($0) }
            print(
                "corpus rendering: \(entry.folder.lastPathComponent): \(outcome.releaseCount) releases in \(ContinuousClock.now - started)"
            )
            let ours = outcome.generated.filter { stream in
                Self.ourCharts.keys.contains { stream.label.contains("from chart \($0) ") }
            }
            let published = ours.filter { !$0.label.contains("rendered by chart ") }
            rendered += Set(published.map { "\($0.fallback.file) \($0.fallback.position)" }).count
            for stream in published {
                objects += ManifestReader.read(path: stream.path, bytes: stream.bytes).objects.count
            }
            let read: PolicyEngine.FileSource = { try FileContents.read($0) }
            let before = engine.run(paths: files, source: read).findings.count
            let afterReport = engine.run(paths: files, generated: outcome.generated, source: read)
            let after = afterReport.findings.count
            let anchors = Set(outcome.generated.map { "\($0.fallback)" })
            for finding in afterReport.findings where finding.message.contains("(rendered by ") {
                onRendered += 1
                if !anchors.contains("\(SourceLocation(file: finding.file, position: finding.position))") {
                    onValues += 1
                }
            }
            findingsBefore += before
            findingsAfter += after
            print(
                "corpus rendering: \(entry.folder.lastPathComponent): findings \(before) as written, \(after) rendered")
            // A release named with a Flux variable is rendered once per Kustomization that sets it;
            // a Flux Kustomization's targetNamespace names the release's namespace.
            for release in entry.releases
            where !published.contains(where: {
                $0.fallback.file == release.file && (release.matches($0.label) || release.owner.contains("${"))
            }) {
                guard
                    let note = outcome.notes.first(where: {
                        $0.location.file == release.file && release.matches($0.message)
                            && $0.message.contains(": not rendered")
                    })
                else {
                    Issue.record("\(release.file): \(release.owner) is neither rendered nor explained")
                    continue
                }
                explained += 1
                reasons[Self.reason(note.message), default: 0] += 1
                print("corpus rendering: not rendered: \(note)")
            }
            print(
                "corpus rendering: \(entry.folder.lastPathComponent): \(entry.releases.count) releases of our charts, \(published.count) rendered"
            )
        }
        print(
            "corpus rendering: \(expected) releases of our charts, \(rendered) rendered (\(objects) objects), \(explained) not: \(reasons.sorted { $0.key < $1.key })"
        )
        print(
            "corpus rendering: findings \(findingsBefore) on the files as written, \(findingsAfter) with the releases rendered; "
                + "\(onValues) of the \(onRendered) on rendered objects land on a written value's line, the rest on the release's values line"
        )
        #expect(rendered + explained == expected)
        #expect(rendered >= 100, "only \(rendered) of \(expected) rendered: \(reasons)")
        #expect(findingsAfter > findingsBefore)
    }

    /// The kind of reason a note gives, for the summary.
    static func reason(_ message: String) -> String {
        if message.contains("variable substitution") { return "Flux variable substitution" }
        if message.contains("meet the specifications of the schema") {
            return
                "the chart's schema refuses the values (written for another version, or missing a generated ConfigMap)"
        }
        if message.contains("execution error") || message.contains("executing") {
            return "template error with our chart version's values"
        }
        if message.contains("not in the checked files") { return "source not in the tree" }
        return String(message.prefix(80))
    }
}

/// What a corpus repository asks for, counted without the rendering code: each HelmRelease
/// (by its chartRef's OCIRepository url or its chart.spec.chart) and each Argo CD Application
/// source whose chart is one of ours, and the sources to serve them from.
struct CorpusCensus {
    struct Release {
        var file: String
        var owner: String

        /// Whether `text` names this release, with or without a namespace: `HelmRelease [ns/]name`.
        func matches(_ text: String) -> Bool {
            let parts = owner.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return text.contains(owner) }
            let name = parts[1].split(separator: "/").last.map(String.init) ?? parts[1]
            return text.contains("\(parts[0]) \(name)")
                || text.range(
                    of: "\(parts[0]) [^ ]+/\(NSRegularExpression.escapedPattern(for: name))( |:|,)",
                    options: .regularExpression) != nil
        }
    }

    let folder: URL
    var releases: [Release] = []
    var ociPins: [(repository: (path: String, chart: String), tag: String)] = []
    var httpPins: [(chart: String, version: String)] = []
    var registryHosts: Set<String> = []
    var helmRepositories: Set<String> = []

    init(folder: URL, charts: Set<String>) throws {
        self.folder = folder
        var ociRepositories: [String: YAMLNode] = [:]
        var helmReleases: [KubernetesObject] = []
        var applications: [KubernetesObject] = []
        for file in try ManifestWalker.files(under: [folder.path]) {
            guard let bytes = try? FileContents.read(file) else { continue }
            for object in ManifestReader.read(path: file, bytes: bytes).objects {
                switch object.kind {
                case "OCIRepository":
                    ociRepositories[object.name] = object.node["spec"]
                    if let url = object.node["spec", "url"]?.string { noteURL(url) }
                case "HelmRepository":
                    if let url = object.node["spec", "url"]?.string { noteURL(url) }
                case "HelmRelease": helmReleases.append(object)
                case "Application" where object.apiVersion.hasPrefix("argoproj.io"): applications.append(object)
                default: break
                }
            }
        }
        for release in helmReleases {
            let owner = "HelmRelease \(release.namespace.map { "\($0)/" } ?? "")\(release.name)"
            if let name = release.node["spec", "chartRef", "name"]?.string, let source = ociRepositories[name],
                let url = source["url"]?.string, let chart = url.split(separator: "/").last.map(String.init),
                charts.contains(chart)
            {
                releases.append(Release(file: release.file, owner: owner))
                if let tag = source["ref", "tag"]?.string {
                    ociPins.append(
                        ((String(url.dropFirst("oci://".count).split(separator: "/", maxSplits: 1)[1]), chart), tag))
                }
            } else if let chart = release.node["spec", "chart", "spec", "chart"]?.string, charts.contains(chart) {
                releases.append(Release(file: release.file, owner: owner))
                if let version = release.node["spec", "chart", "spec", "version"]?.string {
                    httpPins.append((chart, version))
                }
            }
        }
        for application in applications {
            let spec = application.node["spec"]
            let sources = [spec?["source"]].compactMap { $0 } + (spec?["sources"]?.items ?? [])
            for (number, source) in sources.enumerated() {
                guard let chart = source["chart"]?.string, charts.contains(chart) else { continue }
                let label = spec?["source"] != nil ? "source" : "sources[\(number)]"
                releases.append(
                    Release(
                        file: application.file,
                        owner: "Application \(application.namespace.map { "\($0)/" } ?? "")\(application.name) \(label)"
                    ))
                if let url = source["repoURL"]?.string { noteURL(url) }
                if let version = source["targetRevision"]?.string { httpPins.append((chart, version)) }
            }
        }
    }

    private mutating func noteURL(_ url: String) {
        if url.hasPrefix("http://") || url.hasPrefix("https://") {
            helmRepositories.insert(url)
        } else if let host = url.replacingOccurrences(of: "oci://", with: "").split(separator: "/").first {
            registryHosts.insert(String(host))
        }
    }
}
