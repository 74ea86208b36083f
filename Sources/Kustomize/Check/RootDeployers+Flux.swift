import Manifests
import Policy

extension RootDeployers {
    /// A Flux Kustomization whose source is a GitRepository: `spec.path` built as
    /// kustomize-controller builds it (its kustomization, or one it generates listing the
    /// folder's manifests), with `targetNamespace` as the kustomization's `namespace:`,
    /// `namePrefix`, `nameSuffix`, `components` and `patches` added to its own.
    func flux(_ object: KubernetesObject, text: [UInt8]) -> RootDeployer? {
        guard let spec = object.node["spec"], spec["sourceRef", "kind"]?.string == "GitRepository",
            let path = spec["path"], let folder = folder(named: path, from: object.file)
        else { return nil }
        let file = object.file
        let name = "Flux Kustomization \(Self.name(object))"
        var deployer = RootDeployer(
            name: name, folder: folder, location: SourceLocation(file: file, position: path.start))
        deployer.text = text
        deployer.patches = (spec["patches"]?.items ?? []).compactMap { try? Node.copy($0, file: file) }
        deployer.overrides = Self.copies(
            [("targetNamespace", "namespace"), ("namePrefix", "namePrefix"), ("nameSuffix", "nameSuffix")], of: spec,
            file: file)
        let ignoreMissing = spec["ignoreMissingComponents"]?.bool == true
        deployer.components = (spec["components"]?.items ?? []).compactMap { item in
            guard let written = item.string, !ignoreMissing || folders.contains(BuildPath.join(folder, written)) else {
                return nil
            }
            return try? Node.copy(item, file: file)
        }
        // Applied by kustomize-controller, not built here yet: the root is checked file by file.
        deployer.unbuilt = Self.unbuilt(
            ["patchesStrategicMerge", "patchesJson6902", "images", "commonMetadata"],
            of: spec, tool: "Flux", owner: name, file: file)
        if let postBuild = spec["postBuild"], postBuild.entries?.isEmpty == false {
            let location = SourceLocation(file: file, position: postBuild.start)
            deployer.remarks.append(
                "\(location): \(name): postBuild variables are not substituted in what it builds; `${...}` values are checked as written"
            )
        }
        if !kustomizationFolders.contains(folder) { deployer.generatedResources = fluxResources(in: folder) }
        return deployer
    }
}
