import Manifests

/// Polaris `runAsPrivileged`: no container runs privileged.
struct RunAsPrivileged: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "runAsPrivileged", category: .security, target: "Container",
        title: "Should not be running as privileged",
        description:
            "A privileged container has every capability and every device of the node: escaping it is trivial.",
        remediation:
            "Set `securityContext.privileged: false` (or remove it) and grant only the capabilities the container needs."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container, actions: [.set(["securityContext", "privileged"], .plain("false"))],
            reason: "the container no longer gets every device and capability of the node")
    }

    var includesInitContainers: Bool { true }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard container.securityContext?["privileged"]?.bool == true else { return nil }
        return .present(
            ["securityContext", "privileged"], in: container,
            message: "container runs privileged: set securityContext.privileged to false")
    }
}
