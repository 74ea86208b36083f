import Manifests

/// Polaris `dangerousCapabilities`: no container adds ALL, SYS_ADMIN or NET_ADMIN.
struct DangerousCapabilities: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "dangerousCapabilities", category: .security, target: "Container",
        title: "Containers should not add dangerous capabilities",
        description:
            "ALL, SYS_ADMIN and NET_ADMIN are close to root on the node: mounting filesystems, reconfiguring the network, escaping the container.",
        remediation:
            "Remove ALL, SYS_ADMIN and NET_ADMIN from `securityContext.capabilities.add`; add only the narrow capability the program needs."
    )

    /// Offered in reviews, applied by `fix` only when named: a network or VPN sidecar may truly
    /// need NET_ADMIN, which a person should decide.
    var fix: FixRecipe? {
        FixRecipe(
            target: .container, actions: [.removeFromList(["securityContext", "capabilities", "add"], Self.dangerous)],
            reason: "the container keeps the capabilities it adds, except ALL, SYS_ADMIN and NET_ADMIN",
            appliesByDefault: false)
    }

    var includesInitContainers: Bool { true }
    static let dangerous: Set<String> = ["ALL", "SYS_ADMIN", "NET_ADMIN"]

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let keys = ["securityContext", "capabilities", "add"]
        let added = (container.node.value(at: keys)?.items ?? []).compactMap { $0.string?.uppercased() }
        let found = added.filter(Self.dangerous.contains)
        guard !found.isEmpty else { return nil }
        return .present(
            keys, in: container, message: "adds \(found.joined(separator: ", ")): remove it from capabilities.add")
    }
}
