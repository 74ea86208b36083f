import Foundation
import GitKit
import Kustomize
import Rendering

extension ReviewEngine {
    /// Builds kustomizations of one revision's objects with what `check` builds them with:
    /// `helmCharts` rendered by the review's chart renderer (their folders written from Git
    /// objects under `scratch`, or pulled from their `repo:` by its fetcher), remote bases
    /// fetched through `remoteBases` between builds (and `make` run again) into `remotes` (one per
    /// review, so that both revisions share its fetches and their bound). Without either, such roots
    /// are refused with a note.
    func kustomizeBuilds<Built>(
        files: RevisionFileSystem, listed: [TreeFile], scratch: URL, repository: some RevisionReader,
        remotes: RemoteTrees = RemoteTrees(), _ make: (KustomizeBuilder) -> Built
    ) -> Built {
        let charts = rendering.map { rendering in
            ReviewChartInflater(
                rendering: rendering,
                materializer: ChartFolderMaterializer(
                    files: { listed }, scratch: scratch, read: { try repository.contents(ofBlob: $0) }))
        }
        func build(_ remotes: RemoteTrees?) -> Built {
            make(KustomizeBuilder(fileSystem: files, cache: BuildCache(), charts: charts, remotes: remotes))
        }
        guard var remoteBases else { return build(nil) }
        if remoteBases.pullChart == nil, let rendering, rendering.fetcher != nil {
            // Charts `helmCharts` name by `repo:` are pulled as the review's releases' charts are.
            let kept = scratch.appending(path: "pulled")
            remoteBases.pullChart = { pull in
                try await rendering.pull(chart: pull.name, repo: pull.repo, version: pull.version, scratch: kept).folder
                    .path
            }
        }
        return remoteBases.buildingBlocking(into: remotes) { trees, _ in build(trees) }
    }
}

extension ReviewEngine {
    /// The same engine, its remote kustomize bases at `url`'s origin fetched with `credentials`
    /// (the reviewed repository's host), at every other host without them.
    package func trusting(_ credentials: GitCredentials?, at url: String) -> ReviewEngine {
        var engine = self
        engine.remoteBases = remoteBases?.trusting(credentials, at: url)
        return engine
    }
}
