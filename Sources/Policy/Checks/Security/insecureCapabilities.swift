import Manifests

/// Polaris `insecureCapabilities`: every container drops ALL capabilities (or each of the default insecure ones).
struct InsecureCapabilities: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "insecureCapabilities", category: .security, target: "Container",
        title: "Containers should drop insecure capabilities",
        description:
            "The runtime's default capabilities (NET_RAW, CHOWN, SETUID...) are more than most programs need and help an attacker.",
        remediation: "Set `securityContext.capabilities.drop: [ALL]` and add back only what the program needs."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container, actions: [.addToList(["securityContext", "capabilities", "drop"], .string("ALL"))],
            reason: "the container keeps none of the runtime's default capabilities")
    }

    var includesInitContainers: Bool { true }
    static let insecureDefaults: Set<String> = [
        "NET_ADMIN", "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID",
        "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE",
    ]

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let keys = ["securityContext", "capabilities", "drop"]
        let dropped = Set((container.node.value(at: keys)?.items ?? []).compactMap { $0.string?.uppercased() })
        if dropped.contains("ALL") || Self.insecureDefaults.isSubset(of: dropped) { return nil }
        if dropped.isEmpty {
            return .missing(
                keys, in: container,
                message: "capabilities are not dropped: set securityContext.capabilities.drop: [ALL]")
        }
        let kept = Self.insecureDefaults.subtracting(dropped).sorted().joined(separator: ", ")
        return .present(keys, in: container, message: "keeps insecure capabilities \(kept): drop ALL")
    }
}
