import Manifests

/// Polaris `hostPIDSet`: the pod spec must not set `hostPID: true`.
struct HostPIDSet: PodSpecCheck {
    static let metadata = CheckMetadata(
        id: "hostPIDSet", category: .security, target: "PodSpec",
        title: "Host PID should not be configured",
        description: "With `hostPID: true` the pod sees every process on the node and can signal or inspect them.",
        remediation: "Remove `hostPID` from the pod spec (or set it to false)."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .podSpec, actions: [.remove(["hostPID"])], reason: "the pod no longer sees the node's processes")
    }

    func violation(in pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard pod.spec["hostPID"]?.bool == true else { return nil }
        return .present(["hostPID"], in: pod, message: "Host PID is enabled: remove `hostPID: true`")
    }
}
