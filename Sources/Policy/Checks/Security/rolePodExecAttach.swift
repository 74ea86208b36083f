import Manifests

/// Polaris `rolePodExecAttach`: a Role does not grant `pods/exec` or `pods/attach`.
struct RolePodExecAttach: KindCheck {
    static let metadata = CheckMetadata(
        id: "rolePodExecAttach", category: .security, target: "Role",
        title: "Roles should not allow pods/exec or pods/attach",
        description: "Exec and attach give a shell in the namespace's pods, with their service accounts and secrets.",
        remediation:
            "Remove `pods/exec` and `pods/attach` (and `*`) from the role's resources, or limit the verbs to what the subject needs."
    )

    let kinds: Set<String> = ["Role"]

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        guard !RBACRules.isSystemName(object.name) else { return [] }
        return RoleRulesLookup.violation(
            in: object, where: RBACRules.allowsExecOrAttach,
            message: "this rule allows pods/exec or pods/attach"
        ).map { [$0] } ?? []
    }
}
