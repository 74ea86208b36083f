import HelmKit
import Kustomize
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

    /// The plan of `check` and `fix`, remote bases fetched (see `KustomizeRemotes`). `deferringObjects`:
    /// `check` builds each root again when it checks it, instead of holding every root's objects.
    func kustomizePlan(files: [String], isIgnored: (String) -> Bool, deferringObjects: Bool = false) async throws
        -> KustomizeCheckPlan
    {
        try await KustomizeRemotes(offline: offline).building { remotes, _ in
            KustomizeCheckPlan.make(
                files: files, builder: kustomizeBuilder(remotes: remotes), isIgnored: isIgnored,
                deferringObjects: deferringObjects)
        }
    }
}
