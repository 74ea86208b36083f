import Foundation
import Manifests
import Policy

/// Finds every release a tree asks for: Flux HelmReleases, Argo CD Applications with Helm
/// sources, and the chart folders of the tree that no release uses (rendered with their own
/// `values.yaml`, and once more with each `ci/*-values.yaml`). Only files that name one of the
/// kinds involved are parsed.
struct ReleaseScanner {
    typealias FileSource = PolicyEngine.FileSource

    static let kindsOfInterest: [String] = [
        "HelmRelease", "Application", "HelmRepository", "OCIRepository", "HelmChart", "GitRepository", "ConfigMap",
        "Secret",
    ]

    static func scan(
        files: [String], source: @escaping FileSource, mayHold: (String) -> Bool = { _ in true },
        notes: inout [RenderNote]
    ) -> [ChartRelease] {
        let chartFiles = files.filter { ($0 as NSString).lastPathComponent == "Chart.yaml" }
        // Files as written first: Flux Kustomizations, and the ConfigMaps their variables come from.
        var written: [(file: String, bytes: [UInt8], objects: [KubernetesObject])] = []
        var rawIndex = ObjectIndex()
        var kustomizations: [KubernetesObject] = []
        for file in files where mayHold(file) {
            guard let bytes = try? source(file),
                (kindsOfInterest + ["kustomize.toolkit.fluxcd.io"]).contains(where: { ByteSearch.contains(bytes, $0) })
            else { continue }
            let objects = ManifestReader.read(path: file, bytes: bytes).objects
            written.append((file, bytes, objects))
            for object in objects {
                rawIndex.add(object, fileBytes: bytes)
                if FluxSubstitution.isKustomization(object) { kustomizations.append(object) }
            }
        }
        let substitution = FluxSubstitution(
            kustomizations: kustomizations, folders: Set(files.map { ($0 as NSString).deletingLastPathComponent }),
            index: rawIndex)
        // Then as each Kustomization that applies them makes them: variables substituted (once
        // per set of variables), namespaces targeted.
        var index = ObjectIndex()
        var owners: [(object: KubernetesObject, bytes: [UInt8], namespace: String?)] = []
        for (file, bytes, objects) in written {
            let applications = substitution.applications(of: file)
            let variants: [(bytes: [UInt8], objects: [KubernetesObject], namespace: String?)]
            if ByteSearch.contains(bytes, "${"), applications.contains(where: { !$0.variables.isEmpty }) {
                variants = applications.map { application in
                    let text = FluxSubstitution.substitute(
                        String(decoding: bytes, as: UTF8.self), application.variables)
                    let substituted = Array(text.utf8)
                    return (
                        substituted, ManifestReader.read(path: file, bytes: substituted).objects,
                        application.targetNamespace
                    )
                }
            } else {
                variants = [(bytes, objects, applications.lazy.compactMap(\.targetNamespace).first)]
            }
            for variant in variants {
                for object in variant.objects {
                    index.add(object, fileBytes: variant.bytes)
                    if FluxReleaseReader.isRelease(object) || ArgoApplicationReader.isApplication(object) {
                        owners.append((object, variant.bytes, variant.namespace))
                    }
                }
            }
        }
        let folders = ChartFolderSet(chartFiles: chartFiles)
        let flux = FluxReleaseReader(index: index, chartFolders: folders)
        let argo = ArgoApplicationReader(chartFolders: folders) { written, base, from in
            valuesFile(written, base: base, from: from, files: files, source: source)
        }
        var releases: [ChartRelease] = []
        for (object, bytes, namespace) in owners {
            if FluxReleaseReader.isRelease(object) {
                if let release = flux.release(object, fileBytes: bytes, targetNamespace: namespace, notes: &notes) {
                    releases.append(release)
                }
            } else {
                releases += argo.releases(object, fileBytes: bytes, notes: &notes)
            }
        }
        releases += KustomizeHelmCharts.releases(files: files, source: source, chartFolders: folders, notes: &notes)
        let used = Set(
            releases.compactMap { release -> String? in
                if case .folder(let folder) = release.chart { return folder }
                return nil
            })
        releases += LocalCharts.releases(
            folders: folders.folders.filter { !used.contains($0) }, files: Set(files), source: source, notes: &notes)
        return releases
    }

    /// A values file an Application names: relative to its chart folder, or to the repository's
    /// root (which may sit above the checked paths: the nearest file whose path ends with it wins).
    private static func valuesFile(
        _ written: String, base: String?, from file: String, files: [String], source: FileSource
    ) -> (path: String, root: YAMLNode)? {
        var path = written
        while path.hasPrefix("./") { path.removeFirst(2) }
        guard !path.isEmpty, !path.hasPrefix("/") else { return nil }
        let candidates: [String]
        if let base {
            let joined = (base + "/" + path as NSString).standardizingPath
            candidates = files.filter { $0 == joined }
        } else {
            guard !path.contains("..") else { return nil }
            candidates = files.filter { $0 == path || $0.hasSuffix("/" + path) }
        }
        let chosen = NearestPath.nearest(candidates, to: file, folder: NearestPath.folder(of:))
        guard let chosen, let bytes = try? source(chosen),
            let root = YAMLParser.parse(bytes: bytes).documents.first?.root, root.isMapping
        else { return nil }
        return (chosen, root)
    }
}
