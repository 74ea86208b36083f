import Manifests

/// Polaris `priorityClassNotSet`: the pod spec names a priority class.
struct PriorityClassNotSet: PodSpecCheck {
    static let metadata = CheckMetadata(
        id: "priorityClassNotSet", category: .reliability, target: "PodSpec",
        title: "Priority class should be set",
        description:
            "Without a priority class the scheduler cannot tell which pods to keep when the cluster runs out of room.",
        remediation: "Set `priorityClassName` to one of the cluster's PriorityClasses."
    )

    func violation(in pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard pod.spec["priorityClassName"]?.string?.isEmpty ?? true else { return nil }
        return .missing(["priorityClassName"], in: pod, message: "priorityClassName is not set")
    }
}
