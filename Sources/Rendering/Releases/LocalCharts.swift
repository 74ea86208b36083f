import Foundation
import Manifests
import Policy

/// The chart folders of the tree that no release uses: each is rendered as `helm template` would
/// (release name = chart name, namespace `default`) with its values.yaml, and once more with each
/// `ci/*-values.yaml` laid over it, as chart-testing does. Library charts render nothing.
enum LocalCharts {
    static func releases(
        folders: [String], files: Set<String>, source: PolicyEngine.FileSource, notes: inout [RenderNote]
    ) -> [ChartRelease] {
        var releases: [ChartRelease] = []
        for folder in folders {
            let chartFile = folder + "/Chart.yaml"
            guard let bytes = try? source(chartFile), let root = YAMLParser.parse(bytes: bytes).documents.first?.root
            else { continue }
            guard root["type"]?.string != "library", let name = root["name"]?.string else { continue }
            guard files.contains(where: { $0.hasPrefix(folder + "/templates/") }) else { continue }
            let anchor = SourceLocation(file: chartFile, position: root.entry("name")?.key.start ?? root.start)
            let base = ChartRelease(
                chart: .folder(folder), values: [], releaseName: name, namespace: "default",
                owner: "chart \(folder)", anchor: anchor)
            releases.append(base)
            let ciFiles = files.filter {
                $0.hasPrefix(folder + "/ci/") && $0.hasSuffix("-values.yaml")
                    && !$0.dropFirst(folder.count + 4).contains("/")
            }.sorted()
            for ciFile in ciFiles {
                guard let ciBytes = try? source(ciFile),
                    let ciRoot = YAMLParser.parse(bytes: ciBytes).documents.first?.root, ciRoot.isMapping
                else {
                    notes.append(
                        RenderNote(
                            location: SourceLocation(file: ciFile, position: SourcePosition(line: 1, column: 1)),
                            message: "not a YAML map of values; chart \(folder) not rendered with it"))
                    continue
                }
                var variant = base
                variant.values = [ValuesTree(yaml: ciRoot, file: ciFile)]
                variant.owner = "chart \(folder) with \((ciFile as NSString).lastPathComponent)"
                variant.inputFiles = [ciFile]
                releases.append(variant)
            }
        }
        return releases
    }
}
