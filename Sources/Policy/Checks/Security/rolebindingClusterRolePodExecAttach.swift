import Manifests

/// Polaris `rolebindingClusterRolePodExecAttach`: a RoleBinding does not grant a ClusterRole
/// that allows `pods/exec` or `pods/attach` (or one that cannot be found).
struct RolebindingClusterRolePodExecAttach: KindCheck {
    static let metadata = CheckMetadata(
        id: "rolebindingClusterRolePodExecAttach", category: .security, target: "RoleBinding",
        title: "RoleBindings should not grant a ClusterRole allowing pods/exec or pods/attach",
        description: "Exec and attach give a shell in the namespace's pods, with their service accounts and secrets.",
        remediation:
            "Bind a ClusterRole without `pods/exec` and `pods/attach` (for example `view`), or a narrower Role."
    )

    let kinds: Set<String> = ["RoleBinding"]
    var needsWorkspace: Bool { true }

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        let lookup = RoleBindingLookup(binding: object, workspace: workspace)
        guard !lookup.isSystemBinding, lookup.roleKind == "ClusterRole" else { return [] }
        let outcome = lookup.outcome(rule: RBACRules.allowsExecOrAttach, builtIn: \.execOrAttach)
        return lookup.violation(outcome, grantsMessage: "allows pods/exec or pods/attach").map { [$0] } ?? []
    }
}
