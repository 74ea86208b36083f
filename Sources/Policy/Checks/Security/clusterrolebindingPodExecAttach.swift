import Manifests

/// Polaris `clusterrolebindingPodExecAttach`: a ClusterRoleBinding does not grant a ClusterRole
/// that allows `pods/exec` or `pods/attach` (or one that cannot be found).
struct ClusterrolebindingPodExecAttach: KindCheck {
    static let metadata = CheckMetadata(
        id: "clusterrolebindingPodExecAttach", category: .security, target: "ClusterRoleBinding",
        title: "ClusterRoleBindings should not grant pods/exec or pods/attach",
        description: "Bound cluster-wide, exec and attach give a shell in every pod of the cluster.",
        remediation:
            "Bind a ClusterRole without `pods/exec` and `pods/attach`, or use a RoleBinding limited to one namespace."
    )

    let kinds: Set<String> = ["ClusterRoleBinding"]
    var needsWorkspace: Bool { true }

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        let lookup = RoleBindingLookup(binding: object, workspace: workspace)
        guard !lookup.isSystemBinding, object.name != "cluster-admin", lookup.roleName != "view" else { return [] }
        let outcome = lookup.outcome(rule: RBACRules.allowsExecOrAttach, builtIn: \.execOrAttach)
        return lookup.violation(outcome, grantsMessage: "allows pods/exec or pods/attach cluster-wide").map { [$0] }
            ?? []
    }
}
