import Manifests
import Policy
import Upgrades

/// Argo CD `Application`: each Helm source of `spec.source` and `spec.sources[]`, a chart from a
/// Helm repository or OCI registry (`chart` + `repoURL` + `targetRevision`) or a chart folder of
/// this repository (`path`), with `helm.valueFiles` (`$ref/...` into another source of this
/// repository too), `helm.values`, `helm.valuesObject`, `helm.parameters` and `helm.releaseName`.
struct ArgoApplicationReader {
    let chartFolders: ChartFolderSet
    /// Reads a values file of the checked tree: its path (relative as written), parsed.
    let valuesFile: @Sendable (_ written: String, _ base: String?, _ from: String) -> (path: String, root: YAMLNode)?

    static func isApplication(_ object: KubernetesObject) -> Bool {
        object.group == "argoproj.io" && (object.kind == "Application" || object.kind == "ApplicationSet")
    }

    func releases(_ object: KubernetesObject, fileBytes: [UInt8], notes: inout [RenderNote]) -> [ChartRelease] {
        if object.kind == "ApplicationSet" {
            return ApplicationSetLists.applications(of: object, fileBytes: fileBytes, notes: &notes).flatMap {
                application in
                releases(
                    application.object, fileBytes: application.bytes, shift: application.shift,
                    owner: "ApplicationSet \(object.name)", notes: &notes)
            }
        }
        return releases(object, fileBytes: fileBytes, shift: PositionShift(), owner: nil, notes: &notes)
    }

    private func releases(
        _ object: KubernetesObject, fileBytes: [UInt8], shift: PositionShift, owner setOwner: String?,
        notes: inout [RenderNote]
    ) -> [ChartRelease] {
        guard let spec = object.node["spec"] else { return [] }
        var sources: [(node: YAMLNode, label: String)] = []
        if let source = spec["source"], source.isMapping { sources.append((source, "source")) }
        for (number, source) in (spec["sources"]?.items ?? []).enumerated() where source.isMapping {
            sources.append((source, "sources[\(number)]"))
        }
        let references = Dictionary(
            sources.compactMap { source in source.node["ref"]?.string.map { ($0, source.node) } },
            uniquingKeysWith: { first, _ in first })
        let namespace = spec["destination", "namespace"]?.string ?? object.namespace ?? "default"
        return sources.compactMap { source, label in
            release(
                source, label: label, application: object, namespace: namespace, references: references,
                fileBytes: fileBytes,
                shift: shift, setOwner: setOwner, notes: &notes)
        }
    }

    private func release(
        _ source: YAMLNode, label: String, application: KubernetesObject, namespace: String,
        references: [String: YAMLNode], fileBytes: [UInt8], shift: PositionShift, setOwner: String?,
        notes: inout [RenderNote]
    ) -> ChartRelease? {
        let applicationLabel = "Application \(application.namespace.map { "\($0)/" } ?? "")\(application.name) \(label)"
        let owner = setOwner.map { "\($0), \(applicationLabel)" } ?? applicationLabel
        let file = application.file
        func note(_ node: YAMLNode, _ message: String) {
            notes.append(
                RenderNote(
                    location: SourceLocation(file: file, position: shift.apply(node.start)),
                    message: "\(owner): \(message)"))
        }
        let chart: ChartRelease.Chart
        var chartFolder: String?
        if let name = source["chart"]?.string {
            let repositoryURL = source["repoURL"]?.string ?? ""
            guard let packageSource = PackageSource.chart(name, repositoryURL: repositoryURL, bareHostIsOCI: true)
            else {
                note(source, "not rendered: chart \(name) has no usable repoURL (\(repositoryURL))")
                return nil
            }
            chart = .published(packageSource, version: source["targetRevision"]?.string ?? "*")
        } else if let path = source["path"]?.string, let folder = chartFolders.folder(forSourcePath: path, from: file) {
            chart = .folder(folder)
            chartFolder = folder
        } else {
            return nil
        }
        let helm = source["helm"]
        var layers: [ValuesTree] = []
        var inputs: Set<String> = [file]
        for fileNode in helm?["valueFiles"]?.items ?? [] {
            guard let written = fileNode.string else { continue }
            var base = chartFolder
            var path = written
            if written.hasPrefix("$"), let slash = written.firstIndex(of: "/") {
                let name = String(written.dropFirst().prefix { $0 != "/" })
                guard references[name] != nil else {
                    note(fileNode, "valueFiles \(written): no source has ref \(name); left out")
                    continue
                }
                base = nil
                path = String(written[written.index(after: slash)...])
            }
            guard let found = valuesFile(path, base, file) else {
                if helm?["ignoreMissingValueFiles"]?.bool != true {
                    note(fileNode, "valueFiles \(written) is not in the checked files; rendered without it")
                }
                continue
            }
            layers.append(ValuesTree(yaml: found.root, file: found.path))
            inputs.insert(found.path)
        }
        if let values = helm?["values"], values.scalar != nil {
            if let (root, inner) = EmbeddedYAML.parse(values, fileBytes: fileBytes), root.isMapping {
                layers.append(
                    ValuesTree(
                        yaml: root, file: file,
                        shift: PositionShift(lines: inner.lines + shift.lines, columns: inner.columns + shift.columns)))
            } else if values.string?.isEmpty == false {
                note(values, "helm.values is not a YAML map; left out")
            }
        }
        if let object = helm?["valuesObject"], object.isMapping {
            layers.append(ValuesTree(yaml: object, file: file, shift: shift))
        }
        if let parameters = helm?["parameters"]?.items, !parameters.isEmpty {
            layers.append(Self.parameters(parameters, file: file, shift: shift))
        }
        let anchorNode = source.entry("helm")?.key ?? source.entry("chart")?.key ?? source.entry("path")?.key ?? source
        return ChartRelease(
            chart: chart, values: layers, releaseName: helm?["releaseName"]?.string ?? application.name,
            namespace: namespace, owner: owner,
            anchor: SourceLocation(file: file, position: shift.apply(anchorNode.start)), inputFiles: inputs)
    }

    /// `helm.parameters`, as `helm --set` (or `--set-string` with `forceString`) reads them.
    static func parameters(_ items: [YAMLNode], file: String, shift: PositionShift = PositionShift()) -> ValuesTree {
        var tree = ValuesTree.emptyMap
        for item in items {
            guard let name = item["name"]?.string, let valueNode = item["value"] else { continue }
            let text = valueNode.string ?? ""
            let scalar: ValuesTree.Scalar = item["forceString"]?.bool == true ? .string(text) : Self.typed(text)
            let value = ValuesTree(
                content: .scalar(scalar), origin: SourceLocation(file: file, position: shift.apply(valueNode.start)))
            tree = tree.merging(value.placed(at: name))
        }
        return tree
    }

    /// How `--set` types a value: booleans, null, whole numbers; anything else is a string.
    static func typed(_ text: String) -> ValuesTree.Scalar {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: return Int(text).map { .number(String($0)) } ?? .string(text)
        }
    }
}
