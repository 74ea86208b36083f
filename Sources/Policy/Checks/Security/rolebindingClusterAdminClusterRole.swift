import Manifests

/// Polaris `rolebindingClusterAdminClusterRole`: a RoleBinding does not grant `cluster-admin`
/// or a ClusterRole with wildcard permissions.
struct RolebindingClusterAdminClusterRole: KindCheck {
    static let metadata = CheckMetadata(
        id: "rolebindingClusterAdminClusterRole", category: .security, target: "RoleBinding",
        title: "RoleBindings should not grant cluster-admin",
        description:
            "Bound in a namespace, cluster-admin still gives full control of everything in it, including its secrets and RBAC.",
        remediation: "Bind `admin` or `edit`, or a Role that lists the resources and verbs the subject needs."
    )

    let kinds: Set<String> = ["RoleBinding"]
    var needsWorkspace: Bool { true }

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        let lookup = RoleBindingLookup(binding: object, workspace: workspace)
        guard !lookup.isSystemBinding, lookup.roleKind == "ClusterRole" else { return [] }
        let outcome = lookup.outcome(rule: RBACRules.isWildcardAdmin, builtIn: \.wildcardAdmin)
        return lookup.violation(outcome, grantsMessage: "grants every verb on every resource").map { [$0] } ?? []
    }
}
