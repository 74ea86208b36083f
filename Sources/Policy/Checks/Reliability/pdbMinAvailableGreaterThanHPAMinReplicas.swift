import Manifests

/// Polaris `pdbMinAvailableGreaterThanHPAMinReplicas`: a Deployment's PodDisruptionBudget does not
/// demand more available pods than its autoscaler may leave running.
struct PdbMinAvailableGreaterThanHPAMinReplicas: KindCheck {
    static let metadata = CheckMetadata(
        id: "pdbMinAvailableGreaterThanHPAMinReplicas", category: .reliability, target: "Deployment",
        title: "PDB minAvailable should not exceed the HPA's minReplicas",
        description:
            "When the autoscaler scales down to minReplicas, a larger minAvailable blocks every eviction and node drains stall.",
        remediation:
            "Lower the PodDisruptionBudget's `minAvailable` to at most the HPA's `minReplicas` (or use `maxUnavailable`)."
    )

    let kinds: Set<String> = ["Deployment"]
    var needsWorkspace: Bool { true }

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        guard let budget = workspace.disruptionBudget(for: object),
            let autoscaler = workspace.autoscaler(of: object),
            let minReplicas = autoscaler.node["spec", "minReplicas"]?.int,
            let minAvailable = budget.node["spec", "minAvailable"]?.scalar,
            let required = Self.podCount(minAvailable, of: minReplicas),
            required > minReplicas
        else { return [] }
        return [
            .at(
                ["spec", "template", "metadata", "labels"], in: object,
                message:
                    "PodDisruptionBudget \(budget.name) wants \(minAvailable.text) available but HorizontalPodAutoscaler \(autoscaler.name) may scale to \(minReplicas)"
            )
        ]
    }

    /// An integer, or a percentage of `replicas` rounded up as the disruption controller does.
    static func podCount(_ value: YAMLScalar, of replicas: Int) -> Int? {
        if value.text.hasSuffix("%") {
            guard let percent = Int(value.text.dropLast()) else { return nil }
            return (percent * replicas + 99) / 100
        }
        return value.int
    }
}
