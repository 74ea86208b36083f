import Manifests

/// Helm's own files: `Chart.yaml` dependencies (`name`, `version`, `repository`; local `file://`
/// and `@alias` repositories are left alone) and values files (`values.yaml`, `values-prod.yaml`,
/// `prod-values.yaml`...), read for images.
struct HelmChartFiles {
    static func isChartFile(_ file: String) -> Bool {
        let name = baseName(file)
        return name == "Chart.yaml" || name == "Chart.yml"
    }

    static func isValuesFile(_ file: String) -> Bool {
        let name = baseName(file).lowercased()
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return false }
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return stem.hasPrefix("values") || stem.hasSuffix("-values") || stem.hasSuffix("_values")
    }

    static func baseName(_ file: String) -> String {
        file.split(separator: "/").last.map(String.init) ?? file
    }

    func chartDependencies(in root: YAMLNode, text: LocatedText, notes: inout [DetectionNote]) -> [Dependency] {
        let chartName = root["name"]?.string ?? ""
        var found: [Dependency] = []
        for (index, entry) in (root["dependencies"]?.items ?? []).enumerated() where entry.isMapping {
            let name = entry["name"]?.string ?? ""
            let origin = DependencyOrigin(
                kind: "Chart", name: chartName, file: text.file, detail: "dependencies[\(index)] \(name)")
            let repository = entry["repository"]?.string ?? ""
            guard let versionNode = entry["version"], let version = versionNode.string,
                let source = PackageSource.chart(name, repositoryURL: repository, bareHostIsOCI: false)
            else {
                if !repository.hasPrefix("file://"), !repository.hasPrefix("@"), !repository.hasPrefix("alias:") {
                    notes.append(
                        DetectionNote(
                            file: text.file, line: entry.start.line, origin: origin,
                            message: "dependency \(name) has no repository URL and version"))
                }
                continue
            }
            found.append(
                Dependency(
                    kind: .chart, name: name, source: source, currentValue: version,
                    location: text.location(of: versionNode), origin: origin, addOn: name))
        }
        return found
    }

    func valuesImages(in root: YAMLNode, text: LocatedText) -> [Dependency] {
        ImageSites(text: text).inValues(
            root, origin: DependencyOrigin(kind: "values file", name: "", file: text.file), addOn: nil)
    }
}
