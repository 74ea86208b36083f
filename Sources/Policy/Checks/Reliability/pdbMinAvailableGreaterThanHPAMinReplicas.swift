import Manifests

/// Polaris `pdbMinAvailableGreaterThanHPAMinReplicas`: a Deployment's PodDisruptionBudget does not
/// demand more available pods than its autoscaler may leave running.
struct PdbMinAvailableGreaterThanHPAMinReplicas: KindCheck {
    static let metadata = CheckMetadata(
        id: "pdbMinAvailableGreaterThanHPAMinReplicas", category: .reliability, target: "Deployment",
        title: "PDB minAvailable should not exceed the HPA's minReplicas",
        description: "When the autoscaler scales down to minReplicas, a larger minAvailable blocks every eviction and node drains stall.",
        remediation: "Lower the PodDisruptionBudget's `minAvailable` to at most the HPA's `minReplicas` (or use `maxUnavailable`)."
    )

    let kinds: Set<String> = ["Deployment"]
    var needsWorkspace: Bool { true }

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        guard let budget = workspace.disruptionBudgets(for: object).first,
              let autoscaler = workspace.related("HorizontalPodAutoscaler", to: object).first(where: { scales($0, object) }),
              let minReplicas = autoscaler.node["spec", "minReplicas"]?.int,
              let minAvailable = budget.node["spec", "minAvailable"]?.scalar,
              let required = Self.podCount(minAvailable, of: minReplicas),
              required > minReplicas else { return [] }
        return [.at(["spec", "template", "metadata", "labels"], in: object,
                    message: "PodDisruptionBudget \(budget.name) wants \(minAvailable.text) available but HorizontalPodAutoscaler \(autoscaler.name) may scale to \(minReplicas)")]
    }

    private func scales(_ autoscaler: KubernetesObject, _ deployment: KubernetesObject) -> Bool {
        let target = autoscaler.node["spec", "scaleTargetRef"]
        return target?["kind"]?.string == "Deployment" && target?["name"]?.string == deployment.name
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
