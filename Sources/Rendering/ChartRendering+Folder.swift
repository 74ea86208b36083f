import Foundation
import HelmKit
import Upgrades

extension ChartRendering {
    /// Renders one chart folder on disk with values as `helm template` does (kustomize's
    /// `helmCharts`): in the worker processes under their limits when `renderer` is set, in
    /// this process otherwise.
    package func render(folder: URL, valuesJSON: String, release: String, namespace: String) throws -> [(
        template: String, manifest: String
    )] {
        let engine = renderer ?? InProcessChartRenderer(library: library)
        return try engine.render(
            chartFolder: folder.path, valuesJSON: valuesJSON, release: release, namespace: namespace
        )
        .map { ($0.template, $0.manifest) }
    }

    /// Pulls chart `name` at `version` (a version or a range; newest when empty) from `repo` (a
    /// Helm repository's URL or `oci://`), as kustomize's `helmCharts` do: through the fetcher's
    /// datasources (mirrors, logins, size bounds; the archive's digest checked against the index
    /// when it lists one), kept in the cache folder (else in `scratch`). Returns the chart
    /// folder and the version chosen; throws when this run fetches nothing (`--offline`).
    package func pull(chart name: String, repo: String, version: String, scratch: URL) async throws -> (
        folder: URL, version: String
    ) {
        guard let fetcher else {
            throw HelmError(
                operation: "pulling \(name) from \(repo)", message: "charts are not fetched in this run (--offline)")
        }
        guard let source = PackageSource.chart(name, repositoryURL: repo, bareHostIsOCI: false) else {
            throw HelmError(operation: "pulling \(name)", message: "\(repo) is not a Helm repository or oci:// URL")
        }
        let store = ChartStore(
            library: library, fetcher: fetcher, cacheFolder: cacheFolder ?? scratch, folderOnDisk: folderOnDisk)
        let (chosen, folder) = try await store.unpacked(
            source, version: version.isEmpty ? "*" : version, fetcher: fetcher)
        return (folder, chosen)
    }
}
