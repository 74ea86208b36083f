import Manifests

/// Polaris `clusterrolePodExecAttach`: a ClusterRole does not grant `pods/exec` or `pods/attach`.
struct ClusterrolePodExecAttach: KindCheck {
    static let metadata = CheckMetadata(
        id: "clusterrolePodExecAttach", category: .security, target: "ClusterRole",
        title: "ClusterRoles should not allow pods/exec or pods/attach",
        description:
            "Exec and attach give a shell in any pod the subject can reach, with that pod's service account and secrets.",
        remediation:
            "Remove `pods/exec` and `pods/attach` (and `*`) from the role's resources, or limit the verbs to what the subject needs."
    )

    let kinds: Set<String> = ["ClusterRole"]
    static let builtInNames: Set<String> = ["admin", "cluster-admin", "edit"]

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        guard !Self.builtInNames.contains(object.name), !RBACRules.isSystemName(object.name) else { return [] }
        return RoleRulesLookup.violation(
            in: object, where: RBACRules.allowsExecOrAttach,
            message: "this rule allows pods/exec or pods/attach"
        ).map { [$0] } ?? []
    }
}
