import Manifests

/// Polaris `clusterrolebindingClusterAdmin`: a ClusterRoleBinding does not grant `cluster-admin`
/// or a ClusterRole with wildcard permissions.
struct ClusterrolebindingClusterAdmin: KindCheck {
    static let metadata = CheckMetadata(
        id: "clusterrolebindingClusterAdmin", category: .security, target: "ClusterRoleBinding",
        title: "ClusterRoleBindings should not grant cluster-admin",
        description:
            "cluster-admin, or any role with every verb on every resource, lets the subject do anything to the cluster, including granting itself more.",
        remediation: "Bind a ClusterRole that lists the resources and verbs the subject needs."
    )

    let kinds: Set<String> = ["ClusterRoleBinding"]
    var needsWorkspace: Bool { true }

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        let lookup = RoleBindingLookup(binding: object, workspace: workspace)
        guard !lookup.isSystemBinding, object.name != "cluster-admin", lookup.roleName != "view" else { return [] }
        let outcome = lookup.outcome(rule: RBACRules.isWildcardAdmin, builtIn: \.wildcardAdmin)
        return lookup.violation(outcome, grantsMessage: "grants every verb on every resource, cluster-wide").map {
            [$0]
        } ?? []
    }
}
