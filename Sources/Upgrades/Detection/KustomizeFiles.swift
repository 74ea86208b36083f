import Manifests

/// kustomize's `kustomization.yaml` (and Flux's `Kustomization.spec`): `images:` overrides
/// (`newTag` and `digest` of `newName` or `name`) and `helmCharts:` (`name`, `repo`, `version`, and
/// the images in `valuesInline`).
struct KustomizeFiles {
    static let fileNames: Set<String> = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// The mapping that holds `images:`/`helmCharts:`: the document itself for kustomize, the
    /// `spec` of a Flux Kustomization.
    static func body(of root: YAMLNode, file: String) -> YAMLNode? {
        let kind = root["kind"]?.string
        let apiVersion = root["apiVersion"]?.string ?? ""
        if kind == "Kustomization", apiVersion.hasPrefix("kustomize.toolkit.fluxcd.io") { return root["spec"] }
        if kind == "Kustomization" || kind == "Component" { return root }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return kind == nil && fileNames.contains(name) ? root : nil
    }

    func dependencies(in body: YAMLNode, name: String, kind: String, text: LocatedText, notes: inout [DetectionNote])
        -> [Dependency]
    {
        var found: [Dependency] = []
        let sites = ImageSites(text: text)
        for (index, entry) in (body["images"]?.items ?? []).enumerated() where entry.isMapping {
            let origin = DependencyOrigin(kind: kind, name: name, file: text.file, detail: "images[\(index)]")
            if let dependency = sites.parts(entry, nameKeys: ["newName", "name"], tagKey: "newTag", origin: origin) {
                found.append(dependency)
            } else if entry["newTag"] == nil {
                notes.append(
                    DetectionNote(
                        file: text.file, line: entry.start.line, origin: origin, message: "no newTag to upgrade"))
            }
        }
        for (index, chart) in (body["helmCharts"]?.items ?? []).enumerated() where chart.isMapping {
            let origin = DependencyOrigin(kind: kind, name: name, file: text.file, detail: "helmCharts[\(index)]")
            let chartName = chart["name"]?.string ?? ""
            guard let versionNode = chart["version"], let version = versionNode.string,
                let source = PackageSource.chart(
                    chartName, repositoryURL: chart["repo"]?.string ?? "", bareHostIsOCI: false)
            else {
                notes.append(
                    DetectionNote(
                        file: text.file, line: chart.start.line, origin: origin,
                        message: "chart \(chartName) has no repo and version"))
                continue
            }
            found.append(
                Dependency(
                    kind: .chart, name: chartName, source: source, currentValue: version,
                    location: text.location(of: versionNode), origin: origin, addOn: chartName))
            if let values = chart["valuesInline"] {
                found += sites.inValues(
                    values, origin: origin.with(detail: origin.detail + " valuesInline"), addOn: chartName)
            }
        }
        return found
    }
}
