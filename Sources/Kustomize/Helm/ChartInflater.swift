import Foundation

/// Renders a chart folder on disk with values, as `helm template` does (the Helm engine is
/// handed in by the caller: this module knows no Helm).
package protocol ChartInflater: Sendable {
    func inflate(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws
        -> [InflatedTemplate]

    /// The chart's CustomResourceDefinitions as `helm template --include-crds` prints them before
    /// the templates: the files of its `crds/` folder and of its unpacked subcharts' (`charts/*/crds/`).
    func crds(chartFolder: String) throws -> [InflatedTemplate]
}

extension ChartInflater {
    /// Reads `chartFolder` on disk (the command line's charts, and pulled ones).
    package func crds(chartFolder: String) throws -> [InflatedTemplate] {
        try ChartCRDs.read(folder: URL(fileURLWithPath: chartFolder))
    }
}

/// The `crds/` files of a chart folder on disk, bounded as a chart folder is.
package enum ChartCRDs {
    package static func read(folder: URL) throws -> [InflatedTemplate] {
        let manager = FileManager.default
        var folders = [folder]
        let subcharts = folder.appending(path: "charts")
        for name in ((try? manager.contentsOfDirectory(atPath: subcharts.path)) ?? []).sorted() {
            let sub = subcharts.appending(path: name)
            if name.hasSuffix(".tgz") {
                throw KustomizeError(
                    "the packed subchart charts/\(name) may hold CRDs Shipshape does not read; unpack it", at: nil)
            }
            if manager.fileExists(atPath: sub.appending(path: "Chart.yaml").path) { folders.append(sub) }
        }
        var found: [InflatedTemplate] = []
        var total = 0
        for chart in folders {
            let crds = chart.appending(path: "crds")
            for name in ((try? manager.contentsOfDirectory(atPath: crds.path)) ?? []).sorted()
            where [".yaml", ".yml", ".json"].contains(where: name.hasSuffix) {
                let file = crds.appending(path: name)
                guard let data = manager.contents(atPath: file.path) else { continue }
                total += data.count
                guard total <= 100 << 20 else { throw KustomizeError("the chart's CRDs are over 100 MiB", at: nil) }
                let relative = String(file.path.dropFirst(folder.deletingLastPathComponent().path.count + 1))
                found.append(InflatedTemplate(template: relative, manifest: String(decoding: data, as: UTF8.self)))
            }
        }
        return found
    }
}

/// One rendered template: its path in the chart and its text (a YAML stream).
package struct InflatedTemplate: Sendable {
    package var template: String
    package var manifest: String

    package init(template: String, manifest: String) {
        self.template = template
        self.manifest = manifest
    }
}

/// The Helm engine is not there (libhelm_c not found): a root with charts is refused with a
/// note, not failed.
package struct ChartEngineUnavailable: Error, Sendable {
    package var reason: String

    package init(reason: String) {
        self.reason = reason
    }
}
