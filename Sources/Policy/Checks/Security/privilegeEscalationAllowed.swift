import Manifests

/// Polaris `privilegeEscalationAllowed`: every container sets `allowPrivilegeEscalation: false`.
struct PrivilegeEscalationAllowed: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "privilegeEscalationAllowed", category: .security, target: "Container",
        title: "Privilege escalation should not be allowed",
        description:
            "Unless it is explicitly false, a process can gain more privileges than its parent (setuid binaries), which most exploits rely on.",
        remediation: "Set `securityContext.allowPrivilegeEscalation: false` on the container."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container, actions: [.set(["securityContext", "allowPrivilegeEscalation"], .plain("false"))],
            reason: "processes cannot gain more privileges than their parent")
    }

    var includesInitContainers: Bool { true }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let keys = ["securityContext", "allowPrivilegeEscalation"]
        guard container.node.value(at: keys)?.bool != false else { return nil }
        if container.node.value(at: keys) != nil {
            return .present(
                keys, in: container,
                message: "privilege escalation is allowed: set securityContext.allowPrivilegeEscalation to false")
        }
        return .missing(
            keys, in: container,
            message: "privilege escalation is not disabled: set securityContext.allowPrivilegeEscalation: false")
    }
}
