import Manifests

/// Polaris `rolebindingRolePodExecAttach`: a RoleBinding does not grant a Role that allows
/// `pods/exec` or `pods/attach` (or one that cannot be found).
struct RolebindingRolePodExecAttach: KindCheck {
    static let metadata = CheckMetadata(
        id: "rolebindingRolePodExecAttach", category: .security, target: "RoleBinding",
        title: "RoleBindings should not grant a Role allowing pods/exec or pods/attach",
        description: "Exec and attach give a shell in the namespace's pods, with their service accounts and secrets.",
        remediation: "Remove `pods/exec` and `pods/attach` from the bound Role, or bind a narrower one."
    )

    let kinds: Set<String> = ["RoleBinding"]
    var needsWorkspace: Bool { true }

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        let lookup = RoleBindingLookup(binding: object, workspace: workspace)
        guard !lookup.isSystemBinding, lookup.roleKind == "Role" else { return [] }
        let outcome = lookup.outcome(rule: RBACRules.allowsExecOrAttach, builtIn: \.execOrAttach)
        return lookup.violation(outcome, grantsMessage: "allows pods/exec or pods/attach").map { [$0] } ?? []
    }
}
