import Foundation
import HelmKit

extension ChartRendering {
    /// Renders one chart folder on disk with values as `helm template` does (kustomize's
    /// `helmCharts`): in the worker processes under their limits when `renderer` is set, in
    /// this process otherwise.
    public func render(folder: URL, valuesJSON: String, release: String, namespace: String) throws -> [(
        template: String, manifest: String
    )] {
        let engine = renderer ?? InProcessChartRenderer(library: library)
        return try engine.render(
            chartFolder: folder.path, valuesJSON: valuesJSON, release: release, namespace: namespace
        )
        .map { ($0.template, $0.manifest) }
    }
}
