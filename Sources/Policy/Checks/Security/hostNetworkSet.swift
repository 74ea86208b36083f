import Manifests

/// Polaris `hostNetworkSet`: the pod spec must not set `hostNetwork: true`.
struct HostNetworkSet: PodSpecCheck {
    static let metadata = CheckMetadata(
        id: "hostNetworkSet", category: .security, target: "PodSpec",
        title: "Host network should not be configured",
        description:
            "With `hostNetwork: true` the pod uses the node's network stack, bypasses network policies and can bind the node's ports.",
        remediation: "Remove `hostNetwork` from the pod spec (or set it to false)."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .podSpec, actions: [.remove(["hostNetwork"])], reason: "the pod gets its own network namespace")
    }

    func violation(in pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard pod.spec["hostNetwork"]?.bool == true else { return nil }
        return .present(["hostNetwork"], in: pod, message: "Host network is enabled: remove `hostNetwork: true`")
    }
}
