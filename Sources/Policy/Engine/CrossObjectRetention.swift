import Manifests

/// What a workload keeps until the cross-object checks run, once every file has been read: the
/// object without the contents of its containers and volumes (their names stay). No cross-object
/// check reads them, and they are most of a workload's tree; the pruned copy lets the document's
/// tree go as soon as its own checks ran, so memory follows the tree's workloads, not its bytes.
enum CrossObjectRetention {
    /// Lists of the pod spec whose items keep only their `name`.
    static let listsKeptByName: Set<String> = ["containers", "initContainers", "ephemeralContainers", "volumes"]

    static func retained(_ object: KubernetesObject) -> KubernetesObject {
        guard let pod = object.podTemplate, !Workspace.contextKinds.contains(object.kind) else { return object }
        let podSpec = Array(pod.path.components.dropFirst(object.path.components.count))
        let node = object.node.pruned { path in
            guard path.count == podSpec.count + 3, case .key(let key) = path[podSpec.count + 2], key != "name",
                case .key(let list) = path[podSpec.count], listsKeptByName.contains(list)
            else { return false }
            return path.starts(with: podSpec)
        }
        return KubernetesObject(node: node, file: object.file, documentIndex: object.documentIndex, path: object.path)
            ?? object
    }
}
