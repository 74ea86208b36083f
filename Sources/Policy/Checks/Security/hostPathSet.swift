import Manifests

/// Polaris `hostPathSet`: no volume of the pod mounts a path of the node.
struct HostPathSet: PodSpecCheck {
    static let metadata = CheckMetadata(
        id: "hostPathSet", category: .security, target: "PodSpec",
        title: "HostPath volumes should not be used",
        description:
            "A hostPath volume exposes the node's filesystem to the pod; a compromised container can read secrets of other pods or take over the node.",
        remediation: "Use a persistent volume, an emptyDir, a ConfigMap or a CSI volume instead of `hostPath`."
    )

    func violation(in pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard let volumes = pod.spec["volumes"]?.items else { return nil }
        for (index, volume) in volumes.enumerated() {
            guard let entry = volume.entry("hostPath"), !entry.value.isNull else { continue }
            let name = volume["name"]?.string ?? "#\(index)"
            return Violation(
                at: entry.key.start, path: pod.path.appending("volumes").appending(index: index).appending("hostPath"),
                message:
                    "volume \(name) mounts \(entry.value["path"]?.string ?? "a path") of the node: use another volume type"
            )
        }
        return nil
    }
}
