import Foundation
import Kustomize
import Rendering

/// The Helm engine of a review's kustomize builds (`helmCharts`): chart folders read from Git
/// objects into a scratch folder, as the review's other charts are, and rendered by the same
/// renderer (the bot's and the command line's worker processes, under their limits).
struct ReviewChartInflater: ChartInflater {
    let rendering: ChartRendering
    let materializer: ChartFolderMaterializer

    func inflate(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws
        -> [InflatedTemplate]
    {
        try rendering.render(
            folder: try disk(chartFolder), valuesJSON: valuesJSON, release: release, namespace: namespace
        )
        .map { InflatedTemplate(template: $0.template, manifest: $0.manifest) }
    }

    func crds(chartFolder: String) throws -> [InflatedTemplate] {
        try ChartCRDs.read(folder: try disk(chartFolder))
    }

    /// An absolute path is a pulled chart's folder; the tree's are repository paths, written from Git.
    private func disk(_ chartFolder: String) throws -> URL {
        chartFolder.hasPrefix("/") ? URL(fileURLWithPath: chartFolder) : try materializer.folder(chartFolder)
    }
}
