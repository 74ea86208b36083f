import Manifests

/// What a workload keeps until the cross-object checks run, once every file has been read: the
/// object without the contents of its containers and volumes (their names stay). No cross-object
/// check reads them, and they are most of a workload's tree; the pruned copy lets the document's
/// tree go as soon as its own checks ran, so memory follows the tree's workloads, not its bytes.
enum CrossObjectRetention {
    /// Lists of the pod spec whose items keep only their `name`.
    static let listsKeptByName: Set<String> = ["containers", "initContainers", "ephemeralContainers", "volumes"]

    static func retained(_ object: KubernetesObject) -> KubernetesObject {
        guard let podSpec = prunedPodSpec(of: object) else { return object }
        let node = object.node.pruned { path in isDropped(path, podSpec: podSpec) }
        return KubernetesObject(node: node, file: object.file, documentIndex: object.documentIndex, path: object.path)
            ?? object
    }

    /// Whether the value at `path` (from the document's root) is left out of the object's
    /// retained copy: a generated stream keeps no origin for it either.
    static func isDropped(_ path: [DocumentPath.Component], of object: KubernetesObject) -> Bool {
        guard let podSpec = prunedPodSpec(of: object), path.starts(with: object.path.components) else { return false }
        let relative = Array(path.dropFirst(object.path.components.count))
        // Anything below a dropped node is dropped with it.
        return relative.count >= podSpec.count + 3
            && isDropped(Array(relative.prefix(podSpec.count + 3)), podSpec: podSpec)
    }

    /// The pod spec's path from the object's node, when the object is pruned at all.
    private static func prunedPodSpec(of object: KubernetesObject) -> [DocumentPath.Component]? {
        guard let pod = object.podTemplate, !Workspace.contextKinds.contains(object.kind) else { return nil }
        return Array(pod.path.components.dropFirst(object.path.components.count))
    }

    /// Whether `path` (from the object's node) is an item's field, other than `name`, of a list kept by name.
    private static func isDropped(_ path: [DocumentPath.Component], podSpec: [DocumentPath.Component]) -> Bool {
        guard path.count == podSpec.count + 3, case .key(let key) = path[podSpec.count + 2], key != "name",
            case .key(let list) = path[podSpec.count], listsKeptByName.contains(list)
        else { return false }
        return path.starts(with: podSpec)
    }
}
