import Foundation
import Manifests
import Policy

/// `helmCharts` of one kustomization (kustomize v5.5's chart inflation generator) for charts
/// already in the chart home (`helmGlobals.chartHome`, default `charts/`): rendered by the
/// Helm engine the caller hands in, with the values file (default: the chart's values.yaml)
/// merged with `valuesInline` as `valuesMerge` says, then the additional values files. Every
/// value of a rendered object is placed at its `helmCharts` entry, or at the values line that
/// explains it (`ValuesPlacement`).
enum HelmChartGenerator {
    /// Options that change what Helm renders and that this engine does not take.
    /// (HelmKit's engine renders for no chosen Kubernetes version or API list.)
    static let unbuiltOptions = ["apiVersions", "kubeVersion"]

    static func run(_ kustomization: Kustomization, session: BuildSession, resources: inout [Resource]) throws {
        let entries = kustomization.list("helmCharts")
        guard !entries.isEmpty else { return }
        guard let inflater = session.charts else {
            session.note(
                "helmCharts",
                "kustomize's helmCharts are not built here: this build has no Helm engine (--no-render, or Helm's library is not installed); this root is checked file by file",
                at: kustomization.root["helmCharts"]?.origin)
            return
        }
        let (chartHomeText, chartHomeNode) = kustomization.chartHome
        guard !chartHomeText.hasPrefix("/") else {
            throw KustomizeError(
                "helmGlobals.chartHome \(chartHomeText) is an absolute path; Shipshape renders only charts inside the repository",
                at: chartHomeNode?.origin)
        }
        let chartHome = BuildPath.join(kustomization.folder, chartHomeText)
        var ids = Set(resources.map(\.id.key))
        for entry in entries {
            guard entry.entries != nil, let name = entry["name"]?.string, !name.isEmpty else {
                throw KustomizeError("chart name cannot be empty", at: entry.origin)
            }
            if let option = unbuiltOptions.first(where: { Self.isSet(entry[$0]) }) {
                session.note(
                    "helmCharts \(option)", "helmCharts \(option): is not built by Shipshape yet",
                    at: entry[option]?.origin)
                continue
            }
            let repo = entry["repo"]?.string ?? ""
            let version = entry["version"]?.string ?? ""
            let home = !repo.isEmpty && !version.isEmpty ? BuildPath.join(chartHome, "\(name)-\(version)") : chartHome
            var folder = BuildPath.join(home, name)
            // A chart pulled by the caller is a folder on disk, outside the tree the build reads.
            var pulledFolder: String?
            if session.fileSystem.fileExists(BuildPath.join(folder, "Chart.yaml")) {
                session.noteChartFolder(folder)
            } else {
                if repo.isEmpty {
                    throw KustomizeError("no repo specified for pull, no chart found at '\(folder)'", at: entry.origin)
                }
                guard let remotes = session.remotes else {
                    session.note(
                        "helmCharts pull",
                        "chart \(name) is not in \(home) and this build pulls no chart (kustomize would pull it from \(repo))",
                        at: entry.origin)
                    continue
                }
                switch remotes.lookup(ChartPull(name: name, repo: repo, version: version)) {
                case .pulled(let path):
                    pulledFolder = path
                    folder = path
                case .failed(let reason):
                    session.note(
                        "helmCharts pull",
                        "chart \(name) is not in \(home) and could not be pulled from \(repo): \(reason)",
                        at: entry.origin)
                    continue
                case .missing:
                    session.note("helmCharts pull", "chart \(name) is not pulled yet from \(repo)", at: entry.origin)
                    continue
                }
            }
            let values = try values(
                of: entry, chartFolder: folder, pulled: pulledFolder != nil, kustomization: kustomization,
                session: session)
            var release = entry["releaseName"]?.string ?? ""
            // `nameTemplate` names the release as Helm's --name-template does; only a literal
            // name is built (a template of it is a note), and with releaseName Helm refuses both.
            if let nameTemplate = entry["nameTemplate"]?.string, !nameTemplate.isEmpty {
                guard release.isEmpty else {
                    throw KustomizeError(
                        "helmCharts \(name): cannot set nameTemplate and also releaseName (Helm refuses both)",
                        at: entry["nameTemplate"]?.origin)
                }
                guard !nameTemplate.contains("{{") else {
                    session.note(
                        "helmCharts nameTemplate",
                        "helmCharts nameTemplate: a template of the name is not built by Shipshape",
                        at: entry["nameTemplate"]?.origin)
                    continue
                }
                release = nameTemplate
            }
            if release.isEmpty {
                session.warnings.append(
                    KustomizeNote(
                        feature: "helmCharts",
                        message:
                            "helmCharts \(name) has no releaseName: kustomize asks Helm to generate one (a different one each build); Shipshape builds it as release-name",
                        location: entry.origin))
            }
            let templates: [InflatedTemplate]
            do {
                templates = try inflater.inflate(
                    chartFolder: folder, valuesJSON: values.jsonText,
                    release: release.isEmpty ? "release-name" : release,
                    namespace: entry["namespace"]?.string ?? "default")
            } catch let missing as ChartEngineUnavailable {
                session.note(
                    "helmCharts",
                    "kustomize's helmCharts are not built without the Helm engine (\(missing.reason)); this root is checked file by file",
                    at: entry.origin)
                continue
            } catch {
                throw KustomizeError("chart \(name) (\(folder)) did not render: \(error)", at: entry.origin)
            }
            let placement = ValuesPlacement(values: values, entry: entry.origin)
            let skipTests = entry["skipTests"]?.scalar.flatMap(YAMLBool.read) ?? false
            // --no-hooks: no hook at all (test hooks included) is in Helm's output.
            let skipHooks = entry["skipHooks"]?.scalar.flatMap(YAMLBool.read) ?? false
            var rendered = templates
            if entry["includeCRDs"]?.scalar.flatMap(YAMLBool.read) ?? false {
                do { rendered = try inflater.crds(chartFolder: folder) + rendered } catch {
                    throw KustomizeError(
                        "chart \(name) (\(folder)): its CRDs cannot be read: \(error)", at: entry.origin)
                }
            }
            // Helm's output holds every template but NOTES.txt.
            for template in rendered where !template.template.hasSuffix("NOTES.txt") {
                let parsed: [Resource]
                do {
                    parsed = try ResourceFile.parse(Array(template.manifest.utf8), file: kustomization.file)
                } catch let error as KustomizeError {
                    throw KustomizeError(
                        "chart \(name): \(template.template) renders invalid YAML: \(error.message)", at: entry.origin)
                }
                for var resource in parsed {
                    let hook = resource.node[path: "metadata", "annotations", "helm.sh/hook"]?.string
                    if hook != nil && skipHooks || skipTests && hook?.contains("test") == true { continue }
                    resource.node.placeAll(at: entry.origin)
                    if !placement.isEmpty { placement.place(&resource.node) }
                    resource.anchor = entry.origin ?? resource.anchor
                    resource.label = "helmCharts \(name) (\(template.template))"
                    try BuildSession.add(resource, to: &resources, ids: &ids, at: entry.origin)
                }
            }
        }
    }

    /// An option given a value that changes something (not null, `false`, `""` or `[]`).
    private static func isSet(_ node: Node?) -> Bool {
        guard let node, !node.isNull, node.items?.isEmpty != true else { return false }
        if let scalar = node.scalar { return !scalar.text.isEmpty && YAMLBool.read(scalar) != false }
        return true
    }

    /// The values Helm gets over the chart's defaults.
    private static func values(
        of entry: Node, chartFolder: String, pulled: Bool, kustomization: Kustomization, session: BuildSession
    ) throws -> Node {
        // Without valuesFile kustomize passes the chart's own values.yaml, which Helm lays under
        // everything anyway: it is read only when it must win over valuesInline (`merge`).
        let mergeMode = entry["valuesMerge"]?.string ?? "override"
        var values = Node.emptyMapping(origin: entry.origin)
        if let written = entry["valuesFile"]?.string {
            values = try load(
                BuildPath.join(kustomization.folder, written), required: true, session: session,
                at: entry["valuesFile"]?.origin)
        } else if mergeMode == "merge" {
            let path = BuildPath.join(chartFolder, "values.yaml")
            values =
                pulled
                ? try parse(
                    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [], path: path, at: entry.origin)
                : try load(path, required: false, session: session, at: entry.origin)
        }
        if let inline = entry["valuesInline"], inline.entries?.isEmpty == false {
            switch mergeMode {
            case "override", "": values = values.merged(with: inline)
            case "merge": values = inline.merged(with: values)
            case "replace": values = inline
            case let other:
                throw KustomizeError(
                    "valuesMerge must be one of [override replace merge], not \(other)",
                    at: entry["valuesMerge"]?.origin)
            }
        }
        for item in entry["additionalValuesFiles"]?.items ?? [] {
            guard let path = item.string else {
                throw KustomizeError("additionalValuesFiles entries are paths", at: item.origin)
            }
            values = values.merged(
                with: try load(
                    BuildPath.join(kustomization.folder, path), required: true, session: session, at: item.origin))
        }
        return values
    }

    private static func load(_ path: String, required: Bool, session: BuildSession, at origin: SourceLocation?) throws
        -> Node
    {
        guard session.fileSystem.fileExists(path) else {
            if required { throw KustomizeError("values file \(path) does not exist", at: origin) }
            return .emptyMapping(origin: origin)
        }
        return try parse(try session.read(path, at: origin), path: path, at: origin)
    }

    private static func parse(_ bytes: [UInt8], path: String, at origin: SourceLocation?) throws -> Node {
        let stream = YAMLParser.parse(bytes: bytes)
        if let error = stream.errors.first {
            throw KustomizeError(
                "the values file is not valid YAML: \(error)", at: SourceLocation(file: path, position: error.position))
        }
        guard let root = stream.documents.first?.root else { return .emptyMapping(origin: origin) }
        let node = try Node.copy(root, file: path)
        guard node.entries != nil || node.isNull else {
            throw KustomizeError("a values file is a mapping", at: node.origin)
        }
        return node.isNull ? .emptyMapping(origin: origin) : node
    }
}
