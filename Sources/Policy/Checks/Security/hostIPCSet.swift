import Manifests

/// Polaris `hostIPCSet`: the pod spec must not set `hostIPC: true`.
struct HostIPCSet: PodSpecCheck {
    static let metadata = CheckMetadata(
        id: "hostIPCSet", category: .security, target: "PodSpec",
        title: "Host IPC should not be configured",
        description:
            "With `hostIPC: true` the pod shares the node's IPC namespace and can read other processes' shared memory.",
        remediation: "Remove `hostIPC` from the pod spec (or set it to false)."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .podSpec, actions: [.remove(["hostIPC"])],
            reason: "the pod no longer shares the node's IPC namespace")
    }

    func violation(in pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard pod.spec["hostIPC"]?.bool == true else { return nil }
        return .present(["hostIPC"], in: pod, message: "Host IPC is enabled: remove `hostIPC: true`")
    }
}
