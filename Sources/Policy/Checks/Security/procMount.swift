import Manifests

/// Polaris `procMount`: no container changes the default /proc masking.
struct ProcMount: PodSpecCheck {
    static let metadata = CheckMetadata(
        id: "procMount", category: .security, target: "PodSpec",
        title: "The /proc mount should keep its default masks",
        description: "`procMount: Unmasked` exposes parts of /proc that reveal and control the host.",
        remediation: "Remove `securityContext.procMount` or set it to `Default`."
    )

    func violation(in pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let keys = ["securityContext", "procMount"]
        for container in pod.containers {
            guard let value = container.node.value(at: keys), !value.isNull, value.string != "Default" else { continue }
            var violation = Violation.present(
                keys, in: container, message: "procMount is \(value.string ?? "set"): use Default")
            violation.container = container.name
            return violation
        }
        return nil
    }
}
