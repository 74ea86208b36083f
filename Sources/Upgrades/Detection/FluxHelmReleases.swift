import Manifests

/// Flux `HelmRelease`: the chart version of `spec.chart.spec` with its `sourceRef` resolved to a
/// HelmRepository anywhere in the tree, or the tag of the OCIRepository (or the version of the
/// HelmChart) that `spec.chartRef` names; and the images pinned in `spec.values`.
struct FluxHelmReleases {
    let sources: FluxSources

    func dependencies(of release: KubernetesObject, text: LocatedText, notes: inout [DetectionNote]) -> [Dependency] {
        let origin = DependencyOrigin(kind: release.kind, name: release.name, file: release.file)
        var found: [Dependency] = []
        var addOn = release.name
        if let chartSpec = release.node["spec", "chart", "spec"] {
            addOn = chartSpec["chart"]?.string.map(Self.chartName) ?? release.name
            if let chart = self.chart(
                chartSpec, text: text, namespace: release.namespace, origin: origin, addOn: addOn, notes: &notes)
            {
                found.append(chart)
            }
        } else if let reference = release.node["spec", "chartRef"] {
            let kind = reference["kind"]?.string ?? ""
            let name = reference["name"]?.string ?? ""
            let namespace = reference["namespace"]?.string ?? release.namespace
            if let source = sources.resolve(kind: kind, name: name, namespace: namespace, from: release.file) {
                addOn = Self.chartName(
                    source.object.node["spec", "url"]?.string ?? source.object.node["spec", "chart"]?.string ?? name)
                if let chart = referenced(source, origin: origin, addOn: addOn, notes: &notes) { found.append(chart) }
            } else {
                notes.append(note(reference, text, origin, "chartRef \(kind) \(name) is not in the scanned tree"))
            }
        } else {
            notes.append(note(release.node, text, origin, "neither spec.chart nor spec.chartRef names a chart"))
        }
        if let values = release.node["spec", "values"] {
            found += ImageSites(text: text).inValues(values, origin: origin.with(detail: "values"), addOn: addOn)
        }
        return found
    }

    /// The dependency an OCIRepository (its `ref.tag`) or a HelmChart (its `version`) pins.
    func referenced(_ source: FluxSources.Source, origin: DependencyOrigin, addOn: String, notes: inout [DetectionNote])
        -> Dependency?
    {
        let spec = source.object.node["spec"]
        switch source.object.kind {
        case "OCIRepository":
            guard let url = spec?["url"]?.string, url.hasPrefix("oci://"),
                let image = ImageReference(parsing: String(url.dropFirst(6)))
            else {
                notes.append(
                    note(
                        source.object.node, source.text, origin, "OCIRepository \(source.object.name) has no oci:// url"
                    ))
                return nil
            }
            guard let tagNode = spec?["ref", "tag"], let tag = tagNode.string else {
                notes.append(
                    note(
                        spec ?? source.object.node, source.text, origin,
                        "OCIRepository \(source.object.name) follows a semver range or digest, not a tag"))
                return nil
            }
            return Dependency(
                kind: .chart, name: addOn, source: .registry(host: image.apiHost, repository: image.repository),
                currentValue: tag, location: source.text.location(of: tagNode), origin: origin, addOn: addOn)
        case "HelmChart":
            guard let spec else { return nil }
            return chart(
                spec, text: source.text, namespace: source.object.namespace, origin: origin, addOn: addOn, notes: &notes
            )
        default:
            notes.append(
                note(
                    source.object.node, source.text, origin, "chartRef kind \(source.object.kind) is not a chart source"
                ))
            return nil
        }
    }

    /// `{chart, version, sourceRef}` of a HelmRelease's chart template or a HelmChart.
    private func chart(
        _ spec: YAMLNode, text: LocatedText, namespace: String?, origin: DependencyOrigin, addOn: String,
        notes: inout [DetectionNote]
    ) -> Dependency? {
        var chartSpec = spec
        if spec["chart"] == nil, spec["version"] != nil,
            let base = sources.base(ofReleaseNamed: origin.name, file: origin.file, namespace: namespace),
            let baseSpec = base.object.node["spec", "chart", "spec"]
        {
            chartSpec = baseSpec
        }
        guard let chart = chartSpec["chart"]?.string, let reference = chartSpec["sourceRef"] else {
            notes.append(
                note(
                    spec, text, origin,
                    "spec.chart.spec has no chart or sourceRef, and no HelmRelease of that name in the tree has"))
            return nil
        }
        let kind = reference["kind"]?.string ?? "HelmRepository"
        let name = reference["name"]?.string ?? ""
        guard kind == "HelmRepository" else {
            notes.append(
                note(reference, text, origin, "chart \(chart) comes from a \(kind), versioned by its revision"))
            return nil
        }
        guard let versionNode = spec["version"], let version = versionNode.string else {
            notes.append(
                note(spec, text, origin, "chart \(chart) has no version: Flux takes the newest on every reconcile"))
            return nil
        }
        guard
            let repository = sources.resolve(
                kind: kind, name: name, namespace: reference["namespace"]?.string ?? namespace, from: origin.file)
        else {
            notes.append(note(reference, text, origin, "HelmRepository \(name) is not in the scanned tree"))
            return nil
        }
        let url = repository.object.node["spec", "url"]?.string ?? ""
        let isOCI = repository.object.node["spec", "type"]?.string == "oci" || url.hasPrefix("oci://")
        let location = isOCI && !url.hasPrefix("oci://") ? "oci://" + url : url
        guard let source = PackageSource.chart(chart, repositoryURL: location, bareHostIsOCI: false) else {
            notes.append(note(reference, text, origin, "HelmRepository \(name) has no usable url"))
            return nil
        }
        return Dependency(
            kind: .chart, name: addOn, source: source, currentValue: version,
            location: text.location(of: versionNode), origin: origin, addOn: addOn)
    }

    /// `cert-manager` from `cert-manager`, `oci://ghcr.io/org/charts/cert-manager` or `charts/app`.
    static func chartName(_ reference: String) -> String {
        reference.split(separator: "/").last.map(String.init) ?? reference
    }

    private func note(_ node: YAMLNode, _ text: LocatedText, _ origin: DependencyOrigin, _ message: String)
        -> DetectionNote
    {
        DetectionNote(file: text.file, line: node.start.line, origin: origin, message: message)
    }
}

extension DependencyOrigin {
    func with(detail: String) -> DependencyOrigin {
        var copy = self
        copy.detail = detail
        return copy
    }
}
