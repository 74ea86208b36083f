import Manifests
import Policy

/// A Flux `Kustomization` or an Argo CD `Application` source that deploys a folder of the tree:
/// the folder is a root, built as that tool builds it (the tool's fields laid over the folder's
/// kustomization, or over one generated from the folder's manifests when it has none).
package struct RootDeployer: Sendable {
    /// `Flux Kustomization flux-system/apps`, `Argo CD Application argocd/guestbook`.
    package var name: String
    /// The folder it deploys.
    package var folder: String
    /// The line that names the folder (`path:`): findings no value explains go there.
    package var location: SourceLocation
    /// Fields laid over the folder's kustomization, each copied with the line it was written on:
    /// `namespace` (Flux `targetNamespace`, Argo `kustomize.namespace`), `namePrefix`,
    /// `nameSuffix`; `components` are added to the kustomization's own.
    var overrides: [Entry] = []
    var components: [Node] = []
    /// Added to the kustomization's `patches` (Flux `patches`: inline, with targets).
    var patches: [Node] = []
    /// The text of the file it is written in, for placing values of its inline patches.
    var text: [UInt8] = []
    /// The kustomization a folder without one is built with (`resources:` the folder's manifests,
    /// as Flux generates it or as Argo reads a directory source); nil when the folder has one.
    var generatedResources: [String]?
    /// The namespace objects that name none land in (Argo `destination.namespace`).
    package var defaultNamespace: String?
    /// Fields the tool applies that Shipshape does not: the root is refused (checked file by file).
    var unbuilt: [KustomizeNote] = []
    /// What the tool does after the build that Shipshape does not (Flux `postBuild` variables):
    /// told, the objects still checked as built.
    package var remarks: [String] = []

    /// How the root is named in findings: `apps/prod for Flux Kustomization flux-system/apps`.
    package var rootLabel: String { "\(folder) for \(name)" }

    /// The root's kustomization with the tool's fields laid over it.
    func applied(to kustomization: Kustomization) -> Kustomization {
        var result = kustomization
        for entry in overrides { result.root[entry.key] = entry.node }
        for (field, added) in [("components", components), ("patches", patches)] where !added.isEmpty {
            let own = result.root[field]?.items ?? []
            result.root[field] = Node(.sequence(own + added), origin: result.root[field]?.origin ?? location)
        }
        result.otherTexts[location.file] = text
        return result
    }

    /// The kustomization generated for a folder that has none.
    func generatedKustomization() -> Kustomization? {
        guard let generatedResources else { return nil }
        let resources = generatedResources.map { Node.string($0, origin: location) }
        let root = Node(
            .mapping([Entry(key: "resources", node: Node(.sequence(resources), origin: location))]), origin: location)
        return applied(to: Kustomization(generated: root, folder: folder, file: location.file))
    }
}
