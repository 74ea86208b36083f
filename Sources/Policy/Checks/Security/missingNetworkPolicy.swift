import Manifests

/// Polaris `missingNetworkPolicy`: some NetworkPolicy in the tree selects the workload's pods and
/// governs both their ingress and their egress.
struct MissingNetworkPolicy: Check {
    static let metadata = CheckMetadata(
        id: "missingNetworkPolicy", category: .security, target: "PodTemplate",
        title: "Pods should be covered by a NetworkPolicy for ingress and egress",
        description:
            "Without a NetworkPolicy every pod in the cluster can reach these pods, and they can reach anything: one compromise spreads freely.",
        remediation:
            "Add a NetworkPolicy whose podSelector matches the pod labels, with `policyTypes: [Ingress, Egress]` and the rules the workload needs."
    )

    var needsWorkspace: Bool { true }

    func applies(to object: KubernetesObject) -> Bool { object.podTemplate != nil }

    func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        guard let pod = object.podTemplate else { return [] }
        var ingress = false
        var egress = false
        workspace.forEachSelecting("NetworkPolicy", podsOf: object, allowEmptySelector: true) { policy in
            let types = governedDirections(policy)
            ingress = ingress || types.ingress
            egress = egress || types.egress
            return !(ingress && egress)
        }
        guard !(ingress && egress) else { return [] }
        let missing =
            !ingress && !egress
            ? "no NetworkPolicy selects these pods" : "no NetworkPolicy governs their \(ingress ? "egress" : "ingress")"
        let anchor = pod.metadata?.entry("labels")?.key.start ?? pod.specKey.start
        return [
            Violation(
                at: anchor, path: pod.metadataPath.appending("labels"),
                message: "\(missing): add one for ingress and egress")
        ]
    }

    /// The directions a policy isolates: its `policyTypes`, or (as the API server defaults an
    /// absent or empty list) Ingress always and Egress when it has egress rules; `egress: []`
    /// and `egress: null` are no rules.
    private func governedDirections(_ policy: KubernetesObject) -> (ingress: Bool, egress: Bool) {
        let spec = policy.node["spec"]
        if let types = spec?["policyTypes"]?.items, !types.isEmpty {
            let names = Set(types.compactMap { $0.string?.lowercased() })
            return (names.contains("ingress"), names.contains("egress"))
        }
        return (true, spec?["egress"]?.items?.isEmpty == false)
    }
}
