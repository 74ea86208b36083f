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
            folder: try materializer.folder(chartFolder), valuesJSON: valuesJSON, release: release, namespace: namespace
        )
        .map { InflatedTemplate(template: $0.template, manifest: $0.manifest) }
    }
}
