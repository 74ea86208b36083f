import Manifests

/// Polaris `rolebindingClusterAdminRole`: a RoleBinding does not grant a Role with wildcard permissions.
struct RolebindingClusterAdminRole: KindCheck {
    static let metadata = CheckMetadata(
        id: "rolebindingClusterAdminRole", category: .security, target: "RoleBinding",
        title: "RoleBindings should not grant a Role with wildcard permissions",
        description:
            "A Role with every verb on every resource gives full control of the namespace, including its secrets and RBAC.",
        remediation: "List the resources and verbs the subject needs in the Role instead of `*`."
    )

    let kinds: Set<String> = ["RoleBinding"]
    var needsWorkspace: Bool { true }

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        let lookup = RoleBindingLookup(binding: object, workspace: workspace)
        guard !lookup.isSystemBinding, lookup.roleKind == "Role" else { return [] }
        let outcome = lookup.outcome(rule: RBACRules.isWildcardAdmin, builtIn: \.wildcardAdmin)
        return lookup.violation(outcome, grantsMessage: "grants every verb on every resource").map { [$0] } ?? []
    }
}
