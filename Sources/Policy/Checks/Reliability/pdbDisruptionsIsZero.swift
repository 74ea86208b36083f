import Manifests

/// Polaris `pdbDisruptionsIsZero`: a PodDisruptionBudget leaves room for at least one voluntary eviction.
struct PdbDisruptionsIsZero: KindCheck {
    static let metadata = CheckMetadata(
        id: "pdbDisruptionsIsZero", category: .reliability, target: "PodDisruptionBudget",
        title: "PodDisruptionBudgets should allow some disruption",
        description:
            "`minAvailable: 100%` or `maxUnavailable: 0` blocks every node drain: cluster upgrades and autoscaling stall.",
        remediation:
            "Allow at least one pod to be evicted: lower `minAvailable` below the replica count or set `maxUnavailable` to 1 or more."
    )

    let kinds: Set<String> = ["PodDisruptionBudget"]

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        let spec = object.node["spec"]
        if let minAvailable = spec?["minAvailable"]?.scalar, minAvailable.text == "100%" {
            return [
                .at(["spec", "minAvailable"], in: object, message: "minAvailable is 100%: no pod can ever be evicted")
            ]
        }
        if let maxUnavailable = spec?["maxUnavailable"]?.scalar,
            maxUnavailable.text == "0%" || (maxUnavailable.style == .plain && maxUnavailable.text == "0")
        {
            return [
                .at(
                    ["spec", "maxUnavailable"], in: object,
                    message: "maxUnavailable is \(maxUnavailable.text): no pod can ever be evicted")
            ]
        }
        return []
    }
}
