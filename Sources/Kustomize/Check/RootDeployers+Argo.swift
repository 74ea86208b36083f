import Manifests
import Policy

extension RootDeployers {
    /// The sources of an Argo CD Application that are folders of this tree (its `repoURL` is
    /// not compared: a path that names a folder of the tree is taken as this repository's) and
    /// neither Helm charts nor plugins: a kustomization (its `kustomize` block's `namespace`,
    /// `namePrefix`, `nameSuffix`, `components` laid over it) or a directory of manifests
    /// (`directory.recurse`). Objects that name no namespace land in `destination.namespace`.
    func argo(_ object: KubernetesObject) -> [RootDeployer] {
        guard let spec = object.node["spec"] else { return [] }
        var sources: [(node: YAMLNode, label: String)] = []
        if let source = spec["source"], source.isMapping { sources.append((source, "")) }
        for (number, source) in (spec["sources"]?.items ?? []).enumerated() where source.isMapping {
            sources.append((source, " sources[\(number)]"))
        }
        let file = object.file
        return sources.compactMap { source, label -> RootDeployer? in
            guard source["chart"] == nil, source["helm"] == nil, source["plugin"] == nil,
                let path = source["path"], let folder = folder(named: path, from: file),
                !fileSet.contains(BuildPath.join(folder, "Chart.yaml"))
            else { return nil }
            let name = "Argo CD Application \(Self.name(object))\(label)"
            var deployer = RootDeployer(
                name: name, folder: folder, location: SourceLocation(file: file, position: path.start))
            deployer.defaultNamespace = spec["destination", "namespace"]?.string
            if let kustomize = source["kustomize"] {
                deployer.overrides = Self.copies(
                    [("namespace", "namespace"), ("namePrefix", "namePrefix"), ("nameSuffix", "nameSuffix")],
                    of: kustomize, file: file)
                deployer.components = (kustomize["components"]?.items ?? []).compactMap {
                    try? Node.copy($0, file: file)
                }
                deployer.unbuilt = Self.unbuilt(
                    [
                        "images", "commonLabels", "commonAnnotations", "patches", "replicas", "version",
                        "forceCommonLabels", "forceCommonAnnotations", "labelWithoutSelector",
                    ], of: kustomize, tool: "Argo CD", owner: name, file: file)
            } else if !kustomizationFolders.contains(folder) {
                let directory = source["directory"]
                deployer.unbuilt =
                    directory.map {
                        Self.unbuilt(
                            ["include", "exclude", "jsonnet"], of: $0, tool: "Argo CD", owner: name, file: file)
                    } ?? []
                deployer.generatedResources = directoryResources(
                    in: folder, recurse: directory?["recurse"]?.bool == true)
            }
            return deployer
        }
    }
}
