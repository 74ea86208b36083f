import Manifests

/// Argo CD `Application` and `ApplicationSet` (its template): every Helm chart source in
/// `spec.source` and `spec.sources[]` (`repoURL` + `chart` + `targetRevision`; `oci://` or a bare
/// registry host is an OCI chart), and the images pinned in `helm.valuesObject` or in the YAML
/// text of `helm.values`.
struct ArgoApplications {
    static func isApplication(_ object: KubernetesObject) -> Bool {
        object.group == "argoproj.io" && (object.kind == "Application" || object.kind == "ApplicationSet")
    }

    func dependencies(of application: KubernetesObject, text: LocatedText, notes: inout [DetectionNote]) -> [Dependency]
    {
        let spec =
            application.kind == "ApplicationSet"
            ? application.node["spec", "template", "spec"] : application.node["spec"]
        guard let spec else { return [] }
        var sources: [(node: YAMLNode, detail: String)] = []
        if let source = spec["source"], source.isMapping { sources.append((source, "source")) }
        for (index, source) in (spec["sources"]?.items ?? []).enumerated() where source.isMapping {
            sources.append((source, "sources[\(index)]"))
        }
        var found: [Dependency] = []
        for (source, detail) in sources {
            let origin = DependencyOrigin(
                kind: application.kind, name: application.name, file: application.file, detail: detail)
            var addOn = application.name
            if let chart = source["chart"]?.string {
                addOn = FluxHelmReleases.chartName(chart)
                if let dependency = self.chart(
                    chart, in: source, text: text, origin: origin, addOn: addOn, notes: &notes)
                {
                    found.append(dependency)
                }
            }
            found += images(in: source["helm"], text: text, origin: origin, addOn: addOn, notes: &notes)
        }
        return found
    }

    private func chart(
        _ chart: String, in source: YAMLNode, text: LocatedText, origin: DependencyOrigin, addOn: String,
        notes: inout [DetectionNote]
    ) -> Dependency? {
        let repositoryURL = source["repoURL"]?.string ?? ""
        guard let revisionNode = source["targetRevision"], let revision = revisionNode.string,
            let packageSource = PackageSource.chart(chart, repositoryURL: repositoryURL, bareHostIsOCI: true)
        else {
            notes.append(
                DetectionNote(
                    file: text.file, line: source.start.line, origin: origin,
                    message: "chart \(chart) has no resolvable repoURL and targetRevision (\(repositoryURL))"))
            return nil
        }
        return Dependency(
            kind: .chart, name: addOn, source: packageSource, currentValue: revision,
            location: text.location(of: revisionNode), origin: origin, addOn: addOn)
    }

    private func images(
        in helm: YAMLNode?, text: LocatedText, origin: DependencyOrigin, addOn: String,
        notes: inout [DetectionNote]
    ) -> [Dependency] {
        guard let helm else { return [] }
        var found: [Dependency] = []
        if let object = helm["valuesObject"] {
            found += ImageSites(text: text).inValues(
                object, origin: origin.with(detail: origin.detail + " helm.valuesObject"), addOn: addOn)
        }
        if let values = helm["values"], values.scalar != nil {
            if let (embedded, stream) = text.embedded(in: values) {
                for document in stream.documents {
                    guard let root = document.root else { continue }
                    found += ImageSites(text: embedded).inValues(
                        root, origin: origin.with(detail: origin.detail + " helm.values"), addOn: addOn)
                }
            } else if values.string?.contains("image") == true {
                notes.append(
                    DetectionNote(
                        file: text.file, line: values.start.line, origin: origin,
                        message: "helm.values is not a literal block (|), its images are not read"))
            }
        }
        return found
    }
}
