import ArgumentParser
import Foundation
import HTTPKit
import HelmKit
import Kustomize
import Manifests
import Policy
import Rendering
import Upgrades

/// Whether and how charts are rendered (Flux HelmReleases, Argo CD Applications, chart folders).
struct RenderFlags: ParsableArguments {
    @Flag(name: .customLong("no-render"), help: "Check the files as written; render no chart.")
    var noRender = false

    @Flag(help: "Render only the charts in the checked tree; fetch none from Helm repositories or registries.")
    var offline = false

    /// The renderer, or nil with the reason when charts are not rendered. `settingsFile` is the
    /// configuration whose `upgrades:` section has registry logins and mirrors.
    func rendering(cacheFolder: URL, caBundle: String?, settingsFile: String?) throws -> (
        rendering: ChartRendering?, note: String?
    ) {
        guard !noRender else { return (nil, nil) }
        let library: HelmLibrary
        do {
            library = try HelmLibrary(path: HelmLibraryLocator.locate().get())
        } catch {
            return (nil, "charts are not rendered (the files are checked as written): \(error)")
        }
        guard !offline else {
            return (Self.isolated(ChartRendering(library: library, fetcher: nil, cacheFolder: cacheFolder)), nil)
        }
        do {
            let settings = try Self.settings(settingsFile)
            var curl = CurlHTTPClient.Configuration()
            curl.caBundlePath = caBundle
            curl.plainHTTPCredentialHosts = settings.plainHTTPHosts
            let http = RetryingHTTPClient(wrapping: CurlHTTPClient(configuration: curl))
            let lookup = try VersionLookup.make(settings: settings, http: http, cache: DiskCache(folder: cacheFolder))
            return (
                Self.isolated(
                    ChartRendering(
                        library: library, fetcher: ChartArchiveFetcher(lookup: lookup, http: http),
                        cacheFolder: cacheFolder)), nil
            )
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// Charts render in worker processes of this binary, so a hostile chart cannot hang or exhaust this one.
    static func isolated(_ rendering: ChartRendering) -> ChartRendering {
        var isolated = rendering
        isolated.renderer = IsolatedChartRenderer(executable: IsolatedChartRenderer.thisProgram)
        return isolated
    }

    private static func settings(_ file: String?) throws -> UpgradeSettings {
        guard let file else { return UpgradeSettings() }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("\(file): cannot read the configuration file")
        }
        do { return try UpgradeSettings.read(text: String(decoding: data, as: UTF8.self), file: file) } catch {
            throw CommandFailure("\(error)")
        }
    }
}

/// `check`'s rendering options: the flags, and where charts are kept.
struct RenderOptions: ParsableArguments {
    @OptionGroup var flags: RenderFlags

    @Option(
        name: .customLong("cache-dir"),
        help: "Where fetched charts and Helm indexes are kept between runs (default ~/.cache/shipshape/upgrades).")
    var cacheDirectory: String?

    @Option(
        name: .customLong("ca-bundle"),
        help: "Trust the certificate authorities in this PEM file (private chart repositories); TLS is always verified."
    )
    var caBundle: String?

    /// The generated manifests of every release of `files`, and notes on what was not rendered.
    func render(files: [String], settingsFile: String?) async throws -> ChartRendering.Outcome {
        guard !flags.noRender else { return ChartRendering.Outcome() }
        // Found first, without Helm: a tree that asks for no release never looks for the library.
        let (releases, notes) = ChartRendering.releases(files: files, source: Self.read)
        var outcome = ChartRendering.Outcome()
        outcome.notes = notes
        guard !releases.isEmpty else { return outcome }
        let cacheFolder = cacheDirectory.map { URL(fileURLWithPath: $0) } ?? DiskCache.defaultFolder
        let (rendering, note) = try flags.rendering(
            cacheFolder: cacheFolder, caBundle: caBundle, settingsFile: settingsFile)
        guard let rendering else {
            outcome.globalNotes += [note].compactMap { $0 }
            return outcome
        }
        let rendered = await rendering.render(releases)
        outcome.generated = rendered.generated
        outcome.notes += rendered.notes
        outcome.globalNotes += rendered.globalNotes
        outcome.renderedChartFolders = rendered.renderedChartFolders
        outcome.releaseCount = rendered.releaseCount
        return outcome
    }

    /// `check`'s and `fix`'s kustomize plan: remote bases fetched, charts pulled into the cache folder.
    func kustomizePlan(
        files: [String], settingsFile: String?, isIgnored: (String) -> Bool, deferringObjects: Bool = false
    ) async throws -> KustomizeCheckPlan {
        try await flags.kustomizePlan(
            files: files, cacheFolder: cacheDirectory.map { URL(fileURLWithPath: $0) } ?? DiskCache.defaultFolder,
            caBundle: caBundle, settingsFile: settingsFile, isIgnored: isIgnored, deferringObjects: deferringObjects)
    }

    static let read: PolicyEngine.FileSource = { path in try FileContents.read(path) }
}
