import Foundation
import Manifests
import Policy
import Upgrades

/// kustomize's `helmCharts` (the Helm chart inflation generator): each entry of a kustomization
/// file is a release, its chart from `repo` (a Helm repository or `oci://`) at `version`, or from
/// the kustomization's chart home (`helmGlobals.chartHome`, default `charts/`) when it names no
/// repository; values from `valuesFile`, `additionalValuesFiles` and `valuesInline` (laid over
/// them, or replacing them with `valuesMerge: replace`).
enum KustomizeHelmCharts {
    static let fileNames: Set<String> = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    static func releases(
        files: [String], source: PolicyEngine.FileSource, chartFolders: ChartFolderSet, notes: inout [RenderNote]
    ) -> [ChartRelease] {
        var releases: [ChartRelease] = []
        for file in files where fileNames.contains((file as NSString).lastPathComponent) {
            guard let bytes = try? source(file), ByteSearch.contains(bytes, "helmCharts"),
                let root = YAMLParser.parse(bytes: bytes).documents.first?.root, let entries = root["helmCharts"]?.items
            else { continue }
            let folder = (file as NSString).deletingLastPathComponent
            let chartHome = root["helmGlobals", "chartHome"]?.string ?? "charts"
            for entry in entries {
                if let release = release(
                    entry, file: file, folder: folder, chartHome: chartHome,
                    kustomizationNamespace: root["namespace"]?.string,
                    source: source, chartFolders: chartFolders, notes: &notes)
                {
                    releases.append(release)
                }
            }
        }
        return releases
    }

    private static func release(
        _ entry: YAMLNode, file: String, folder: String, chartHome: String, kustomizationNamespace: String?,
        source: PolicyEngine.FileSource, chartFolders: ChartFolderSet, notes: inout [RenderNote]
    ) -> ChartRelease? {
        let anchor = SourceLocation(file: file, position: entry.start)
        guard let name = entry["name"]?.string else {
            notes.append(RenderNote(location: anchor, message: "helmCharts entry has no name; not rendered"))
            return nil
        }
        let owner = "helmCharts \(name) of \(file)"
        let chart: ChartRelease.Chart
        var inputs: Set<String> = [file]
        if let repo = entry["repo"]?.string, !repo.isEmpty {
            guard let packageSource = PackageSource.chart(name, repositoryURL: repo, bareHostIsOCI: false) else {
                notes.append(
                    RenderNote(
                        location: anchor,
                        message: "\(owner): not rendered: repo \(repo) is not a Helm repository or oci:// URL"))
                return nil
            }
            chart = .published(packageSource, version: entry["version"]?.string ?? "*")
        } else {
            let local = resolved(folder + "/" + chartHome + "/" + name)
            guard chartFolders.folders.contains(local) else {
                notes.append(
                    RenderNote(
                        location: anchor, message: "\(owner): not rendered: no repo, and \(local) is not a chart folder"
                    ))
                return nil
            }
            chart = .folder(local)
        }
        var fileLayers: [ValuesTree] = []
        let valueFiles =
            [entry["valuesFile"]?.string].compactMap { $0 }
            + (entry["additionalValuesFiles"]?.items?.compactMap(\.string) ?? [])
        for written in valueFiles {
            let path = resolved(folder + "/" + written)
            guard let bytes = try? source(path), let root = YAMLParser.parse(bytes: bytes).documents.first?.root,
                root.isMapping
            else {
                notes.append(
                    RenderNote(
                        location: anchor,
                        message: "\(owner): values file \(written) is not in the checked files; rendered without it"))
                continue
            }
            fileLayers.append(ValuesTree(yaml: root, file: path))
            inputs.insert(path)
        }
        var layers = fileLayers
        if let inline = entry["valuesInline"], inline.isMapping {
            let tree = ValuesTree(yaml: inline, file: file)
            layers = entry["valuesMerge"]?.string == "replace" ? [tree] : layers + [tree]
        }
        let namespace = entry["namespace"]?.string ?? kustomizationNamespace ?? "default"
        return ChartRelease(
            chart: chart, values: layers, releaseName: entry["releaseName"]?.string ?? name, namespace: namespace,
            owner: owner,
            anchor: SourceLocation(file: file, position: entry.entry("valuesInline")?.key.start ?? entry.start),
            inputFiles: inputs)
    }

    /// A repository path with `.` and `..` resolved (`../../charts` from `apps/web` is `charts`):
    /// NSString's standardizingPath leaves a relative path's `..` in place on Linux.
    private static func resolved(_ path: String) -> String {
        String(URL(fileURLWithPath: "/" + path).standardized.path.dropFirst())
    }
}
