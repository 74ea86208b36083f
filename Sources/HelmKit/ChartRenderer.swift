import Foundation
import Synchronization

/// Renders a chart folder with values: in this process, or in a worker process that a chart
/// cannot take down with it (`IsolatedChartRenderer`).
package protocol ChartRenderer: Sendable {
    func render(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws(HelmError)
        -> [HelmChart.RenderedTemplate]
}

/// One request to a render worker, and its answer, as a JSON line each.
package struct RenderRequest: Codable, Sendable {
    package var chartFolder: String
    package var valuesJSON: String
    package var release: String
    package var namespace: String

    package init(chartFolder: String, valuesJSON: String, release: String, namespace: String) {
        self.chartFolder = chartFolder
        self.valuesJSON = valuesJSON
        self.release = release
        self.namespace = namespace
    }
}

package struct RenderResponse: Codable, Sendable {
    package var templates: [String: String]?
    package var error: String?

    package init(templates: [String: String]? = nil, error: String? = nil) {
        self.templates = templates
        self.error = error
    }
}

/// Renders in this process, each chart folder loaded once.
package final class InProcessChartRenderer: ChartRenderer, Sendable {
    private let library: HelmLibrary
    private let charts = Mutex<[String: HelmChart]>([:])

    package init(library: HelmLibrary) {
        self.library = library
    }

    package func render(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws(HelmError)
        -> [HelmChart.RenderedTemplate]
    {
        let chart: HelmChart
        if let loaded = charts.withLock({ $0[chartFolder] }) {
            chart = loaded
        } else {
            chart = try library.loadChart(folder: chartFolder)
            charts.withLock { $0[chartFolder] = chart }
        }
        return try chart.render(valuesJSON: valuesJSON, release: release, namespace: namespace)
    }
}
