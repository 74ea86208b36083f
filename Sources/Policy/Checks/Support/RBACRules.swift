import Manifests

/// The two questions Polaris asks of an RBAC role, and what Kubernetes' built-in roles answer.
enum RBACRules {
    /// Does the rule let someone exec into or attach to pods?
    static func allowsExecOrAttach(_ rule: YAMLNode) -> Bool {
        guard let groups = strings(rule["apiGroups"]), let resources = strings(rule["resources"]),
            let verbs = strings(rule["verbs"])
        else { return false }
        return (groups.contains("") || groups.contains("*"))
            && (resources.contains("*") || resources.contains("pods/exec") || resources.contains("pods/attach"))
            && (verbs.contains("*") || verbs.contains("get") || verbs.contains("create"))
    }

    private static let writeAndReadVerbs: Set<String> = ["get", "list", "watch", "create", "update", "patch", "delete"]

    /// Is the rule the equivalent of cluster-admin: every resource of every group, every verb?
    static func isWildcardAdmin(_ rule: YAMLNode) -> Bool {
        guard let groups = strings(rule["apiGroups"]), let resources = strings(rule["resources"]),
            let verbs = strings(rule["verbs"])
        else { return false }
        guard groups.contains("*"), resources.contains("*") else { return false }
        return verbs.contains("*") || writeAndReadVerbs.isSubset(of: Set(verbs))
    }

    static func rules(of role: KubernetesObject) -> [YAMLNode] {
        role.node["rules"]?.items ?? []
    }

    /// Kubernetes' default user-facing ClusterRoles, which a tree binds to without defining them.
    static let builtInClusterRoles: [String: (execOrAttach: Bool, wildcardAdmin: Bool)] = [
        "cluster-admin": (true, true),
        "admin": (true, false),
        "edit": (true, false),
        "view": (false, false),
    ]

    /// Binding names Polaris treats as the cluster's own (never reported).
    static func isSystemName(_ name: String) -> Bool {
        name.hasPrefix("system:") || name == "gce:podsecuritypolicy:calico-sa"
    }

    private static func strings(_ node: YAMLNode?) -> [String]? {
        guard let items = node?.items else { return nil }
        return items.compactMap { $0.scalar?.text }
    }
}
