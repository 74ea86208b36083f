import Manifests

/// Polaris `topologySpreadConstraint`: the pod spec spreads replicas across failure domains.
struct TopologySpreadConstraint: PodSpecCheck {
    static let metadata = CheckMetadata(
        id: "topologySpreadConstraint", category: .reliability, target: "PodSpec",
        title: "Pods should be spread across nodes or zones",
        description:
            "Without topology spread constraints every replica may land on the same node or zone and fail together.",
        remediation: "Add `topologySpreadConstraints` on `kubernetes.io/hostname` or `topology.kubernetes.io/zone`."
    )

    var excludedKinds: Set<String> { ["Job", "CronJob"] }

    func violation(in pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard pod.spec["topologySpreadConstraints"]?.items?.isEmpty ?? true else { return nil }
        return .missing(
            ["topologySpreadConstraints"], in: pod,
            message: "no topologySpreadConstraints: replicas may all land on one node")
    }
}
