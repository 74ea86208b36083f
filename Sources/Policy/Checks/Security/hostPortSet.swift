import Manifests

/// Polaris `hostPortSet`: no container port is bound to a port of the node.
struct HostPortSet: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "hostPortSet", category: .security, target: "Container",
        title: "Host ports should not be configured",
        description:
            "A hostPort binds the node's port: it limits where the pod can be scheduled and exposes it outside network policies.",
        remediation: "Remove `hostPort` and expose the container through a Service."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .object, actions: [.removeFindingKey], reason: "the port is reached through a Service, not the node"
        )
    }

    var includesInitContainers: Bool { true }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard let ports = container.node["ports"]?.items else { return nil }
        for (index, port) in ports.enumerated() {
            guard let entry = port.entry("hostPort"), !entry.value.isNull, entry.value.int != 0 else { continue }
            return Violation(
                at: entry.key.start,
                path: container.path.appending("ports").appending(index: index).appending("hostPort"),
                message: "hostPort \(entry.value.string ?? "") is set: remove it and use a Service")
        }
        return nil
    }
}
