import Foundation
import HelmKit
import Kustomize
import Rendering
import Review
import Synchronization

/// The Helm engine for kustomize's `helmCharts`: charts render in worker processes of this
/// binary, as the other charts do. The engine is looked for at the first chart, so a tree
/// without `helmCharts` never looks.
final class KustomizeCharts: ChartInflater {
    private let renderer = Mutex<Result<any ChartRenderer, HelmError>?>(nil)

    func inflate(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws
        -> [InflatedTemplate]
    {
        let engine = renderer.withLock { found in
            if let found { return found }
            let located: Result<any ChartRenderer, HelmError> = HelmLibraryLocator.locate()
                .map { _ in IsolatedChartRenderer(executable: IsolatedChartRenderer.thisProgram) }
            found = located
            return located
        }
        let chartRenderer: any ChartRenderer
        switch engine {
        case .success(let found): chartRenderer = found
        case .failure(let error): throw ChartEngineUnavailable(reason: "\(error)")
        }
        return try chartRenderer.render(
            chartFolder: chartFolder, valuesJSON: valuesJSON, release: release, namespace: namespace
        )
        .map { InflatedTemplate(template: $0.template, manifest: $0.manifest) }
    }
}

extension RenderFlags {
    /// The builder `check`, `fix` and `kustomize build` use: with the Helm engine unless
    /// `--no-render` (then a root with `helmCharts` is refused with a note).
    func kustomizeBuilder(remotes: RemoteTrees? = nil) -> KustomizeBuilder {
        KustomizeBuilder(cache: BuildCache(), charts: noRender ? nil : KustomizeCharts(), remotes: remotes)
    }

    /// The plan of `check` and `fix`, remote bases fetched and charts pulled (see `RemoteBaseFetcher`).
    /// `deferringObjects`: `check` builds each root again when it checks it, instead of holding every
    /// root's objects.
    func kustomizePlan(
        files: [String], cacheFolder: URL, caBundle: String?, settingsFile: String?, isIgnored: (String) -> Bool,
        deferringObjects: Bool = false
    ) async throws -> KustomizeCheckPlan {
        try await remoteFetcher(cacheFolder: cacheFolder, caBundle: caBundle, settingsFile: settingsFile).building(
            into: RemoteTrees()
        ) { remotes, _ in
            KustomizeCheckPlan.make(
                files: files, builder: kustomizeBuilder(remotes: remotes), isIgnored: isIgnored,
                deferringObjects: deferringObjects)
        }
    }

    /// Fetches remote bases, and pulls the charts `helmCharts` name by `repo:` through the
    /// charts' datasources into `cacheFolder` (never with `--offline` or `--no-render`).
    func remoteFetcher(cacheFolder: URL, caBundle: String?, settingsFile: String?) -> RemoteBaseFetcher {
        var fetcher = RemoteBaseFetcher.commandLine(offline: offline)
        guard !noRender, !offline else { return fetcher }
        let flags = self
        fetcher.pullChart = { pull in
            let (found, note) = try flags.rendering(
                cacheFolder: cacheFolder, caBundle: caBundle, settingsFile: settingsFile)
            guard let rendering = found else { throw CommandFailure(note ?? "charts are not rendered") }
            return try await rendering.pull(
                chart: pull.name, repo: pull.repo, version: pull.version, scratch: cacheFolder
            )
            .folder.path
        }
        return fetcher
    }
}
