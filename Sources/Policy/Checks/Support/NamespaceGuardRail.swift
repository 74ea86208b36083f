import Manifests

/// Shared logic of the namespace guard rails: a namespace that workloads run in should hold
/// an object of `requiredKind`; reported once per namespace, on the first workload using it.
protocol NamespaceGuardRail: Check {
    var requiredKind: String { get }
    func message(namespace: String) -> String
}

extension NamespaceGuardRail {
    var needsWorkspace: Bool { true }

    func applies(to object: KubernetesObject) -> Bool { object.podTemplate != nil }

    func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        guard let namespace = workspace.effectiveNamespace(of: object),
            workspace.firstWorkloadInNamespace[namespace]
                == Workspace.WorkloadKey(file: object.file, position: object.anchor),
            workspace.objects(ofKind: requiredKind, inNamespace: namespace).isEmpty
        else { return [] }
        let keys = object.namespace == nil ? ["metadata"] : ["metadata", "namespace"]
        return [.at(keys, in: object, message: message(namespace: namespace))]
    }
}
