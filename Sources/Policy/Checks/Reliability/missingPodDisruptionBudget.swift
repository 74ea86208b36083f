import Manifests

/// Polaris `missingPodDisruptionBudget`: a Deployment's pods are selected by a PodDisruptionBudget in the tree.
struct MissingPodDisruptionBudget: KindCheck {
    static let metadata = CheckMetadata(
        id: "missingPodDisruptionBudget", category: .reliability, target: "Deployment",
        title: "Deployments should have a PodDisruptionBudget",
        description: "Without a PodDisruptionBudget a node drain may evict every replica at once.",
        remediation:
            "Add a PodDisruptionBudget whose selector matches the pod template labels, with `maxUnavailable: 1` or a `minAvailable` below the replica count."
    )

    let kinds: Set<String> = ["Deployment"]
    var needsWorkspace: Bool { true }

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        guard workspace.disruptionBudget(for: object) == nil else { return [] }
        let hasLabels = Workspace.podLabels(of: object)?.isEmpty == false
        let message =
            hasLabels
            ? "no PodDisruptionBudget selects these pods: add one"
            : "the pod template has no labels, so no PodDisruptionBudget can select it"
        return [.at(["spec", "template", "metadata", "labels"], in: object, message: message)]
    }
}
