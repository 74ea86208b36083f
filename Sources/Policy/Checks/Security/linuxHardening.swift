import Manifests

/// Polaris `linuxHardening`: each container is confined by at least one of AppArmor, seccomp,
/// SELinux or dropped capabilities.
struct LinuxHardening: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "linuxHardening", category: .security, target: "Container",
        title: "Containers should be confined by AppArmor, seccomp, SELinux or dropped capabilities",
        description:
            "Without any of these the container can make every system call and use every default capability, which most container escapes need.",
        remediation:
            "Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (the simplest), or drop capabilities, or give an AppArmor or SELinux profile."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .podSpec, actions: [.set(["securityContext", "seccompProfile", "type"], .plain("RuntimeDefault"))],
            reason: "the runtime's default seccomp profile blocks the system calls containers never need")
    }

    var includesInitContainers: Bool { true }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let appArmorKey = "container.apparmor.security.beta.kubernetes.io/\(container.name)"
        if let profile = pod.annotations[appArmorKey], !profile.isEmpty { return nil }
        if container.securityContext?["appArmorProfile", "type"]?.string.map({ $0 != "Unconfined" }) == true {
            return nil
        }
        if hasSeccomp(container, pod) || hasSELinux(container, pod) || dropsCapabilities(container) { return nil }
        return .missing(
            ["securityContext", "seccompProfile"], in: container,
            message:
                "no seccomp, AppArmor or SELinux profile and no dropped capabilities: set seccompProfile.type: RuntimeDefault"
        )
    }

    private func hasSeccomp(_ container: ContainerSpec, _ pod: PodTemplate) -> Bool {
        let podType = pod.securityContext?["seccompProfile", "type"]?.string ?? ""
        let containerType = container.securityContext?["seccompProfile", "type"]?.string
        if podType.isEmpty || podType == "Unconfined" {
            return containerType.map { !$0.isEmpty && $0 != "Unconfined" } ?? false
        }
        return containerType != "Unconfined"
    }

    private func hasSELinux(_ container: ContainerSpec, _ pod: PodTemplate) -> Bool {
        if let options = pod.securityContext?["seLinuxOptions"]?.entries, !options.isEmpty { return true }
        return !(container.securityContext?["seLinuxOptions"]?.entries?.isEmpty ?? true)
    }

    private func dropsCapabilities(_ container: ContainerSpec) -> Bool {
        let capabilities = container.securityContext?["capabilities"]
        guard let dropped = capabilities?["drop"]?.items, !dropped.isEmpty else { return false }
        let added = (capabilities?["add"]?.items ?? []).compactMap { $0.string?.uppercased() }
        return !added.contains("ALL")
    }
}
