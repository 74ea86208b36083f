import Foundation
import Synchronization

/// Renders a chart folder with values: in this process, or in a worker process that a chart
/// cannot take down with it (`IsolatedChartRenderer`).
public protocol ChartRenderer: Sendable {
    func render(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws(HelmError)
        -> [HelmChart.RenderedTemplate]
}

/// One request to a render worker, and its answer, as a JSON line each.
public struct RenderRequest: Codable, Sendable {
    public var chartFolder: String
    public var valuesJSON: String
    public var release: String
    public var namespace: String

    public init(chartFolder: String, valuesJSON: String, release: String, namespace: String) {
        self.chartFolder = chartFolder
        self.valuesJSON = valuesJSON
        self.release = release
        self.namespace = namespace
    }
}

public struct RenderResponse: Codable, Sendable {
    public var templates: [String: String]?
    public var error: String?

    public init(templates: [String: String]? = nil, error: String? = nil) {
        self.templates = templates
        self.error = error
    }
}

/// Renders in this process, each chart folder loaded once.
public final class InProcessChartRenderer: ChartRenderer, Sendable {
    private let library: HelmLibrary
    private let charts = Mutex<[String: HelmChart]>([:])

    public init(library: HelmLibrary) {
        self.library = library
    }

    public func render(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws(HelmError)
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
