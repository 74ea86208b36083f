import Manifests

/// Polaris `hpaMinAvailability`: an autoscaler never scales below two replicas.
struct HpaMinAvailability: KindCheck {
    static let metadata = CheckMetadata(
        id: "hpaMinAvailability", category: .reliability, target: "HorizontalPodAutoscaler",
        title: "HPA minReplicas should be 2 or more",
        description: "Scaled down to one replica, the workload goes down with its only pod.",
        remediation: "Set `minReplicas` to 2 or more."
    )

    let kinds: Set<String> = ["HorizontalPodAutoscaler"]

    /// An autoscaler without `minReplicas` (or with `null`) has Kubernetes' default, 1. (Polaris'
    /// fixture passes it: see docs/differences-from-polaris.md.)
    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        guard let minReplicas = object.node["spec", "minReplicas"], !minReplicas.isNull else {
            return [
                .at(
                    ["spec", "minReplicas"], in: object,
                    message: "minReplicas is not set, so it is 1: set it to 2 or more")
            ]
        }
        if let count = minReplicas.int, count >= 2 { return [] }
        return [
            .at(
                ["spec", "minReplicas"], in: object,
                message: "minReplicas is \(minReplicas.string ?? "invalid"): set it to 2 or more")
        ]
    }
}
