import Foundation
import Manifests
import Policy
import Upgrades

/// Flux `HelmRelease` (v2, v2beta1, v2beta2): its chart from `spec.chart.spec` (a HelmRepository,
/// OCI HelmRepository, or a path in a GitRepository that this repository holds) or
/// `spec.chartRef` (an OCIRepository or HelmChart), its values from `valuesFrom` and
/// `spec.values`, its release name and namespace as Flux defaults them.
struct FluxReleaseReader {
    let index: ObjectIndex
    let chartFolders: ChartFolderSet

    static func isRelease(_ object: KubernetesObject) -> Bool {
        object.kind == "HelmRelease" && object.group == "helm.toolkit.fluxcd.io"
    }

    /// `targetNamespace`: the namespace the Flux Kustomization that applies the file puts it in.
    func release(
        _ object: KubernetesObject, fileBytes: [UInt8], targetNamespace kustomizationNamespace: String? = nil,
        notes: inout [RenderNote]
    ) -> ChartRelease? {
        let spec = object.node["spec"]
        let objectNamespace = kustomizationNamespace ?? object.namespace
        let owner = "HelmRelease \(objectNamespace.map { "\($0)/" } ?? "")\(object.name)"
        let anchor = SourceLocation(
            file: object.file,
            position: spec?.entry("values")?.key.start
                ?? spec?.entry("chart")?.key.start ?? spec?.entry("chartRef")?.key.start ?? object.anchor)
        func note(_ node: YAMLNode?, _ message: String) {
            notes.append(
                RenderNote(
                    location: SourceLocation(file: object.file, position: node?.start ?? object.anchor),
                    message: "\(owner): \(message)"))
        }
        if Self.substitutes(object.node) {
            note(
                object.node,
                "not rendered: it names itself or its chart with a Flux variable (${...}) that no Flux Kustomization in the checked files sets"
            )
            return nil
        }
        let chart: ChartRelease.Chart
        var inputs: Set<String> = [object.file]
        if let chartSpec = spec?["chart", "spec"] {
            guard
                let resolved = self.chart(
                    chartSpec, namespace: object.namespace, file: object.file, inputs: &inputs, note: note)
            else { return nil }
            chart = resolved
        } else if let reference = spec?["chartRef"] {
            guard
                let resolved = referenced(
                    reference, namespace: object.namespace, file: object.file, inputs: &inputs, note: note)
            else { return nil }
            chart = resolved
        } else {
            note(spec, "not rendered: neither spec.chart nor spec.chartRef names a chart")
            return nil
        }
        var layers: [ValuesTree] = []
        for (number, reference) in (spec?["valuesFrom"]?.items ?? []).enumerated() {
            if let layer = valuesFrom(
                reference, namespace: object.namespace, file: object.file, number: number, inputs: &inputs, note: note)
            {
                layers.append(layer)
            }
        }
        if let values = spec?["values"], values.isMapping {
            layers.append(ValuesTree(yaml: values, file: object.file))
        }
        let targetNamespace = spec?["targetNamespace"]?.string
        let name = spec?["releaseName"]?.string ?? targetNamespace.map { "\($0)-\(object.name)" } ?? object.name
        return ChartRelease(
            chart: chart, values: layers, releaseName: name, namespace: targetNamespace ?? objectNamespace ?? "default",
            owner: owner, anchor: anchor, inputFiles: inputs)
    }

    /// `{chart, version, sourceRef}` of a HelmRelease's chart template or of a HelmChart.
    private func chart(
        _ spec: YAMLNode, namespace: String?, file: String, inputs: inout Set<String>, note: (YAMLNode?, String) -> Void
    ) -> ChartRelease.Chart? {
        guard let chart = spec["chart"]?.string, let reference = spec["sourceRef"] else {
            note(spec, "not rendered: spec.chart.spec has no chart or sourceRef")
            return nil
        }
        let kind = reference["kind"]?.string ?? "HelmRepository"
        let name = reference["name"]?.string ?? ""
        let version = spec["version"]?.string ?? "*"
        switch kind {
        case "HelmRepository":
            guard
                let repository = index.resolve(
                    kind: kind, name: name, namespace: reference["namespace"]?.string ?? namespace, from: file)
            else {
                note(reference, "not rendered: HelmRepository \(name) is not in the checked files")
                return nil
            }
            inputs.insert(repository.object.file)
            let url = repository.object.node["spec", "url"]?.string ?? ""
            let isOCI = repository.object.node["spec", "type"]?.string == "oci" || url.hasPrefix("oci://")
            guard
                let source = PackageSource.chart(
                    chart, repositoryURL: isOCI && !url.hasPrefix("oci://") ? "oci://" + url : url, bareHostIsOCI: false
                )
            else {
                note(reference, "not rendered: HelmRepository \(name) has no usable url (\(url))")
                return nil
            }
            return .published(source, version: version)
        case "GitRepository", "Bucket":
            guard let folder = chartFolders.folder(forSourcePath: chart, from: file) else {
                note(
                    reference,
                    "not rendered: the chart \(chart) of \(kind) \(name) is not a chart folder in the checked files")
                return nil
            }
            return .folder(folder)
        default:
            note(reference, "not rendered: a chart from a \(kind) is not supported")
            return nil
        }
    }

    /// `spec.chartRef`: an OCIRepository (its `ref.tag` or `ref.semver`) or a HelmChart.
    private func referenced(
        _ reference: YAMLNode, namespace: String?, file: String, inputs: inout Set<String>,
        note: (YAMLNode?, String) -> Void
    ) -> ChartRelease.Chart? {
        let kind = reference["kind"]?.string ?? ""
        let name = reference["name"]?.string ?? ""
        guard
            let source = index.resolve(
                kind: kind, name: name, namespace: reference["namespace"]?.string ?? namespace, from: file)
        else {
            note(reference, "not rendered: chartRef \(kind) \(name) is not in the checked files")
            return nil
        }
        inputs.insert(source.object.file)
        let spec = source.object.node["spec"]
        switch kind {
        case "OCIRepository":
            guard let url = spec?["url"]?.string, url.hasPrefix("oci://"),
                let image = ImageReference(parsing: String(url.dropFirst("oci://".count)))
            else {
                note(reference, "not rendered: OCIRepository \(name) has no oci:// url")
                return nil
            }
            guard let version = spec?["ref", "tag"]?.string ?? spec?["ref", "semver"]?.string else {
                note(reference, "not rendered: OCIRepository \(name) pins neither ref.tag nor ref.semver")
                return nil
            }
            return .published(.registry(host: image.apiHost, repository: image.repository), version: version)
        case "HelmChart":
            guard let spec else { return nil }
            return chart(
                spec, namespace: source.object.namespace, file: source.object.file, inputs: &inputs, note: note)
        default:
            note(reference, "not rendered: chartRef kind \(kind) is not a chart source")
            return nil
        }
    }

    /// One `valuesFrom` entry: a ConfigMap's or Secret's key, whole or at `targetPath`.
    private func valuesFrom(
        _ reference: YAMLNode, namespace: String?, file: String, number: Int, inputs: inout Set<String>,
        note: (YAMLNode?, String) -> Void
    ) -> ValuesTree? {
        let kind = reference["kind"]?.string ?? ""
        let name = reference["name"]?.string ?? ""
        let key = reference["valuesKey"]?.string ?? "values.yaml"
        let optional = reference["optional"]?.bool == true
        guard kind == "ConfigMap" || kind == "Secret" else {
            note(reference, "valuesFrom[\(number)]: kind \(kind) is not ConfigMap or Secret; left out")
            return nil
        }
        guard let entry = index.resolve(kind: kind, name: name, namespace: namespace, from: file) else {
            if !optional {
                note(
                    reference, "valuesFrom[\(number)]: \(kind) \(name) is not in the checked files; rendered without it"
                )
            }
            return nil
        }
        let holder = entry.object
        inputs.insert(holder.file)
        var valueNode = holder.node["stringData", key] ?? (kind == "ConfigMap" ? holder.node["data", key] : nil)
        var decoded: [UInt8]?
        if valueNode == nil, kind == "Secret", let encoded = holder.node["data", key] {
            guard let data = encoded.string.flatMap({ Data(base64Encoded: $0) }) else {
                note(encoded, "valuesFrom[\(number)]: Secret \(name) key \(key) is not base64; left out")
                return nil
            }
            decoded = Array(data)
            valueNode = encoded
        }
        guard let valueNode else {
            if !optional {
                note(reference, "valuesFrom[\(number)]: \(kind) \(name) has no key \(key); rendered without it")
            }
            return nil
        }
        if let targetPath = reference["targetPath"]?.string {
            let text = decoded.map { String(decoding: $0, as: UTF8.self) } ?? valueNode.string ?? ""
            let origin = SourceLocation(file: holder.file, position: valueNode.start)
            return ValuesTree(content: .scalar(.string(text)), origin: origin).placed(at: targetPath)
        }
        if let decoded {
            // Values decoded from base64 have no lines of their own: they are not placed.
            let stream = YAMLParser.parse(bytes: decoded)
            guard let root = stream.documents.first?.root, root.isMapping else { return nil }
            return ValuesTree(yaml: root, file: nil)
        }
        guard let (root, shift) = EmbeddedYAML.parse(valueNode, fileBytes: entry.fileBytes), root.isMapping else {
            note(valueNode, "valuesFrom[\(number)]: \(kind) \(name) key \(key) is not a YAML map; left out")
            return nil
        }
        return ValuesTree(yaml: root, file: holder.file, shift: shift)
    }

    /// Whether a release names its chart, source or itself with Flux's post-build variables (`${APP}`).
    static func substitutes(_ node: YAMLNode) -> Bool {
        let parts = [
            node["metadata", "name"], node["spec", "chart"], node["spec", "chartRef"], node["spec", "releaseName"],
            node["spec", "targetNamespace"],
        ]
        return parts.contains { $0.map { containsVariable($0) } ?? false }
    }

    private static func containsVariable(_ node: YAMLNode, depth: Int = 0) -> Bool {
        guard depth < 8 else { return false }
        switch node.content {
        case .scalar(let scalar): return scalar.text.contains("${")
        case .sequence(let items): return items.contains { containsVariable($0, depth: depth + 1) }
        case .mapping(let entries): return entries.contains { containsVariable($0.value, depth: depth + 1) }
        }
    }
}
