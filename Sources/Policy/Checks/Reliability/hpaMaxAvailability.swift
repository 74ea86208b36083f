import Manifests

/// Polaris `hpaMaxAvailability`: an autoscaler can actually scale (`maxReplicas` above `minReplicas`).
struct HpaMaxAvailability: KindCheck {
    static let metadata = CheckMetadata(
        id: "hpaMaxAvailability", category: .reliability, target: "HorizontalPodAutoscaler",
        title: "HPA maxReplicas should be greater than minReplicas",
        description:
            "An autoscaler whose maximum equals its minimum never scales: load spikes hit a fixed number of pods.",
        remediation: "Set `maxReplicas` above `minReplicas`."
    )

    let kinds: Set<String> = ["HorizontalPodAutoscaler"]

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        guard let spec = object.node["spec"] else { return [] }
        guard let maxReplicas = spec["maxReplicas"]?.int, maxReplicas >= 1 else {
            return [.at(["spec", "maxReplicas"], in: object, message: "maxReplicas must be set to 1 or more")]
        }
        guard let minReplicas = spec["minReplicas"]?.int, minReplicas != 0 else { return [] }
        guard maxReplicas <= minReplicas else { return [] }
        return [
            .at(
                ["spec", "maxReplicas"], in: object,
                message:
                    "maxReplicas (\(maxReplicas)) is not above minReplicas (\(minReplicas)): the autoscaler cannot scale"
            )
        ]
    }
}
