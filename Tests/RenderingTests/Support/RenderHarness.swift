import Foundation
import HTTPKit
import HelmKit
import Manifests
import Policy
import Rendering
import ShipshapeTesting
import Upgrades

/// Checks a tree as `shipshape check` does, charts rendered: files written into a scratch
/// folder, charts fetched through `settings` (mirrors pointing at loopback fixtures).
enum RenderHarness {
    static let library: Result<HelmLibrary, any Error> = Result {
        try HelmLibrary(path: HelmLibraryLocator.locate().get())
    }

    struct Run {
        var report: CheckReport
        var outcome: ChartRendering.Outcome
        var folder: URL

        /// The findings of `checkID` in `file` (relative to the tree), as `line: message`.
        func findings(_ checkID: String, in file: String) -> [Finding] {
            report.findings.filter { $0.checkID == checkID && $0.file == folder.appending(path: file).path }
        }

        func lines(_ checkID: String, in file: String) -> [Int] {
            findings(checkID, in: file).map(\.position.line).sorted()
        }
    }

    static func check(
        _ files: [String: String], copying folders: [String: URL] = [:], settings: UpgradeSettings = UpgradeSettings(),
        offline: Bool = false
    ) async throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-render-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appending(path: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for (path, source) in folders {
            let url = folder.appending(path: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: url)
        }
        let paths = try ManifestWalker.files(under: [folder.path])
        let http = CurlHTTPClient()
        let lookup = try VersionLookup.make(
            settings: settings, http: http, cache: DiskCache(folder: nil), tagListLifetime: .zero)
        let rendering = ChartRendering(
            library: try library.get(), fetcher: offline ? nil : ChartArchiveFetcher(lookup: lookup, http: http),
            cacheFolder: nil)
        let read: PolicyEngine.FileSource = { try FileContents.read($0) }
        let outcome = await rendering.render(files: paths, source: read)
        var report = try engine().run(paths: paths, generated: outcome.generated, source: read)
        report.notes += outcome.noteLines
        return Run(report: report, outcome: outcome, folder: folder)
    }

    static func engine() throws -> PolicyEngine {
        let configuration = try BundledData.defaultConfiguration()
        let settings = EvaluationSettings(
            deprecations: try BundledData.deprecations(), targetVersions: configuration.targetVersions)
        return PolicyEngine(configuration: configuration, settings: settings)
    }

    /// Helm repository settings whose `original` URL is served by `fixture`.
    static func mirroring(_ original: String, to fixture: URL) -> UpgradeSettings {
        var settings = UpgradeSettings()
        settings.mirrors = SourceMirrors([original: fixture.absoluteString])
        return settings
    }

    /// Registry settings whose `original` host is served by the loopback registry at `host`.
    static func mirroring(registry original: String, to host: String) -> UpgradeSettings {
        var settings = UpgradeSettings()
        settings.mirrors = SourceMirrors([original: host])
        settings.plainHTTPHosts = [host]
        return settings
    }
}
