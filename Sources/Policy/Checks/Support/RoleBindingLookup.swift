import Manifests

/// What a binding's `roleRef` points at, judged by one question about the role's rules.
struct RoleBindingLookup {
    enum Outcome: Equatable {
        /// The role grants what the question asks about.
        case grants
        case clean
        /// The role is not defined in the tree (and is not one of Kubernetes' built-in roles).
        case missing
    }

    let binding: KubernetesObject
    let workspace: Workspace

    var roleKind: String? { binding.node["roleRef", "kind"]?.string }
    var roleName: String? { binding.node["roleRef", "name"]?.string }
    var isSystemBinding: Bool { RBACRules.isSystemName(binding.name) }

    /// Looks the role up; `builtIn` answers for Kubernetes' default ClusterRoles.
    func outcome(rule: (YAMLNode) -> Bool, builtIn: ((execOrAttach: Bool, wildcardAdmin: Bool)) -> Bool) -> Outcome {
        guard let roleKind, let roleName else { return .missing }
        // The API server reconciles its default ClusterRoles at start-up, so a manifest that
        // defines one by the same name does not change what binding to it grants.
        if roleKind == "ClusterRole", let known = RBACRules.builtInClusterRoles[roleName] {
            return builtIn(known) ? .grants : .clean
        }
        let isClusterRole = roleKind == "ClusterRole"
        guard
            let role = workspace.named(
                isClusterRole ? "ClusterRole" : "Role", roleName, near: binding, clusterScoped: isClusterRole
            ).first
        else {
            if roleKind == "ClusterRole", RBACRules.isSystemName(roleName) { return .clean }
            return .missing
        }
        return RBACRules.rules(of: role).contains(where: rule) ? .grants : .clean
    }

    /// The finding on the binding's `roleRef.name` line.
    func violation(_ outcome: Outcome, grantsMessage: String) -> Violation? {
        let name = roleName ?? "?"
        let message: String
        switch outcome {
        case .clean: return nil
        case .grants: message = "\(roleKind ?? "role") \(name) \(grantsMessage)"
        case .missing:
            message =
                "\(roleKind ?? "role") \(name) is not defined in this tree, so what it grants cannot be verified: define it here or exempt the binding"
        }
        return Violation(
            at: binding.node.anchorForMissing(["roleRef", "name"], fallback: binding.anchor),
            path: binding.path.appending("roleRef", "name"), message: message)
    }
}

/// A role whose rules are judged one by one; the finding anchors on the first offending rule.
struct RoleRulesLookup {
    static func violation(in role: KubernetesObject, where rule: (YAMLNode) -> Bool, message: String) -> Violation? {
        guard let rules = role.node["rules"]?.items else { return nil }
        for (index, item) in rules.enumerated() where rule(item) {
            return Violation(
                at: item.start, path: role.path.appending("rules").appending(index: index), message: message)
        }
        return nil
    }
}
