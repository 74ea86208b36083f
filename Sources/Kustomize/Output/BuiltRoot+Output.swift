import Manifests
import Policy

extension BuiltRoot {
    /// The objects as one YAML stream, documents separated by `---`.
    package var yaml: String {
        resources.map { YAMLEmitter.document($0.node) }.joined(separator: "---\n")
    }

    /// The built objects as a stream the policy engine checks, every finding moved to the line
    /// that wrote the value it is about (or to the object's `kind:` line).
    package func generatedManifests() -> GeneratedManifests {
        var origins = SourceOrigins()
        var labels: [Int: String] = [:]
        for (index, resource) in resources.enumerated() {
            // A field a patch removed is missing because of the patch: findings about its absence
            // go there (recorded first, so a value written at that path later wins).
            for removal in resource.removals {
                origins.record(document: index, path: removal.path, origin: removal.origin)
            }
            resource.node.collectOrigins { path, origin in origins.record(document: index, path: path, origin: origin) }
            origins.record(document: index, path: .root, origin: resource.anchor)
            labels[index] = resource.label
        }
        let fallback =
            deployer?.location ?? SourceLocation(file: kustomizationFile, position: SourcePosition(line: 1, column: 1))
        // A folder deployed by a Flux Kustomization or an Argo CD Application is named with it
        // (two of them may deploy one folder differently: each its own stream).
        let name = deployer?.rootLabel ?? folder
        var stream = GeneratedManifests(
            path: streamPath, documents: Node.documents(resources.map(\.node)),
            namespace: deployer?.defaultNamespace, origins: origins, fallback: fallback,
            label: "built by kustomization \(name)", documentLabels: labels)
        // Overlays building the same object from one base each report it; `mergingAcrossRoots` names them all.
        stream.keptApart = true
        return stream
    }

    /// The name of its stream of objects. The stream's folder holds its default namespace: one per deployer.
    package var streamPath: String {
        kustomizationFile + "@kustomize/" + (deployer.map { "\($0.rootLabel)/objects" } ?? folder)
    }

    /// The same stream as YAML text, for the fix engine (which edits text).
    package func generatedManifestsAsText() -> GeneratedManifests {
        var stream = generatedManifests()
        stream.documents = nil
        stream.bytes = Array(yaml.utf8)
        return stream
    }
}
