import Manifests

/// Polaris `hostProcess`: no Windows host-process pod or container.
struct HostProcess: PodSpecCheck {
    static let metadata = CheckMetadata(
        id: "hostProcess", category: .security, target: "PodSpec",
        title: "Windows host-process containers should not be used",
        description: "A Windows HostProcess container runs directly on the node with the node's privileges.",
        remediation: "Remove `securityContext.windowsOptions.hostProcess` (or set it to false)."
    )

    func violation(in pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let keys = ["securityContext", "windowsOptions", "hostProcess"]
        if let value = pod.spec.value(at: keys), value.bool != false {
            return .present(
                keys, in: pod, message: "the pod runs as a Windows host process: remove windowsOptions.hostProcess")
        }
        for container in pod.containers {
            if let value = container.node.value(at: keys), value.bool != false {
                var violation = Violation.present(
                    keys, in: container,
                    message:
                        "container \(container.name) runs as a Windows host process: remove windowsOptions.hostProcess")
                violation.container = container.name
                return violation
            }
        }
        return nil
    }
}
