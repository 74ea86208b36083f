import HelmKit
import Manifests
import Policy

/// Renders one release with Helm (twice: as written, and with markers for provenance) and turns
/// the result into generated manifests the policy engine checks.
struct ReleaseRenderer {
    /// Renders in worker processes when set; in this process otherwise.
    var renderer: (any ChartRenderer)?

    private func rendered(_ chart: LoadedChart, values: String, release: ChartRelease) throws(HelmError) -> [HelmChart
        .RenderedTemplate]
    {
        if let renderer {
            return try renderer.render(
                chartFolder: chart.diskFolder, valuesJSON: values, release: release.releaseName,
                namespace: release.namespace)
        }
        return try chart.chart.render(valuesJSON: values, release: release.releaseName, namespace: release.namespace)
    }

    /// `number` makes the generated stream's name unique within the run.
    func render(_ release: ChartRelease, chart: LoadedChart, number: Int) throws(HelmError) -> GeneratedManifests {
        // A chart of this repository: its values.yaml is written here too, so it is laid first
        // like any written values (Helm reads the same values either way) and gets provenance.
        let layers = (chart.folder != nil ? [chart.defaults] : []) + release.values
        let values = layers.reduce(ValuesTree.emptyMap) { $0.merging($1) }
        let templates = try rendered(chart, values: ValuesJSON.write(values), release: release)
        let documents = RenderedDocuments.split(templates)

        var origins = SourceOrigins()
        let markers = ValuesMarkers()
        if let marked = try? rendered(chart, values: ValuesJSON.write(values, markers: markers), release: release) {
            let provenance = ValuesProvenance(
                markers: markers, effectiveValues: chart.defaults.stripped(keeping: chart.folder != nil).merging(values)
            )
            let markedByTemplate = Dictionary(grouping: RenderedDocuments.split(marked), by: \.template)
            let countByTemplate = Dictionary(grouping: documents, by: \.template).mapValues(\.count)
            for (index, document) in documents.enumerated() {
                // Documents are paired by template and place; a template whose marked render
                // made a different number of documents (a marker changed a condition) has none.
                guard let markedDocuments = markedByTemplate[document.template],
                    markedDocuments.count == countByTemplate[document.template],
                    let root = markedDocuments[document.number].root
                else { continue }
                provenance.record(root, document: index, into: &origins)
            }
        }

        var labels: [Int: String] = [:]
        var fallbacks: [Int: SourceLocation] = [:]
        for (index, document) in documents.enumerated() {
            let inChart =
                document.template.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init)
                ?? document.template
            labels[index] = inChart
            if let folder = chart.folder {
                fallbacks[index] = SourceLocation(
                    file: folder + "/" + inChart, position: SourcePosition(line: 1, column: 1))
            }
        }
        return GeneratedManifests(
            path: "\(release.anchor.file)@render\(number)/\(release.releaseName)",
            bytes: RenderedDocuments.stream(documents),
            namespace: release.namespace,
            origins: origins,
            fallback: release.anchor,
            label: "rendered by \(release.owner) from chart \(chart.label)",
            documentLabels: labels,
            documentFallbacks: fallbacks
        )
    }
}

extension ValuesTree {
    /// The tree without origins, unless `keeping`: a published chart's defaults are nobody's to change.
    func stripped(keeping: Bool) -> ValuesTree {
        guard !keeping else { return self }
        var copy = self
        copy.origin = nil
        switch content {
        case .map(let entries): copy.content = .map(entries.map { ($0.key, $0.value.stripped(keeping: false)) })
        case .list(let items): copy.content = .list(items.map { $0.stripped(keeping: false) })
        case .scalar: break
        }
        return copy
    }
}
