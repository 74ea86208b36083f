import Foundation
import Manifests

extension ChartContents {
    /// Unpacks a chart `.tgz` as `helm package` makes it (one `<name>/` folder holding Chart.yaml)
    /// and reads Chart.yaml, values.yaml, `crds/` and `templates/`; subcharts under `charts/` are
    /// not read. An archive with an entry that would land outside its folder (`../`, an absolute
    /// path) is refused before anything is unpacked. The scratch folder is removed afterwards.
    package static func unpack(_ archive: Data) throws -> ChartContents {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "shipshape-chart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = try ChartArchiveUnpacker.unpack(archive, into: scratch)
        return try ChartContents(files: ChartFolderReader.read(folder), folder: folder.lastPathComponent)
    }

    /// The contents of a chart from its files, keyed by path inside the chart folder.
    init(files: [String: String], folder: String) throws {
        let chartFile = "\(folder)/Chart.yaml"
        guard let chartText = files["Chart.yaml"] else {
            throw ChartArchiveError(entry: chartFile, reason: "is missing or not a regular file")
        }
        let chart = YAMLParser.parse(chartText).documents.first?.root
        guard let name = chart?["name"]?.string, let version = chart?["version"]?.string else {
            throw ChartArchiveError(
                entry: chartFile, reason: "has no `name` and `version`, so it is not a Helm chart's Chart.yaml")
        }
        var crds: [String: String] = [:]
        var templates: [String: String] = [:]
        for (path, text) in files {
            if path.hasPrefix("crds/"), Self.manifestExtensions.contains(where: path.hasSuffix) {
                crds[path] = text
            } else if path.hasPrefix("templates/") {
                templates[path] = text
                for (number, document) in ManifestHeader.read(text).enumerated()
                where document.isCustomResourceDefinition {
                    crds["\(path)#\(number + 1)"] = document.text
                }
            }
        }
        self.init(
            name: name, version: version, appVersion: chart?["appVersion"]?.string,
            values: files["values.yaml"], crds: crds, templates: templates)
    }

    /// The files of `crds/` that Helm installs; it skips the rest (READMEs, for one).
    static let manifestExtensions = [".yaml", ".yml", ".json"]
}
