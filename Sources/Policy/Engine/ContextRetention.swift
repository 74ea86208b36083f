import Manifests

/// What a context object keeps until the cross-object checks run: the facts those checks look up
/// in it, in a tree of its own. Context objects (`Workspace.contextKinds`) are looked up, never
/// judged, by cross-object checks, so no finding anchors on what is dropped here.
///
/// Kept, below the object: `apiVersion`, `kind`, `metadata.name`, `generateName`, `namespace`;
/// a ServiceAccount's `automountServiceAccountToken`; a NetworkPolicy's pod selector, policy types
/// and its egress rules' count (each rule emptied); a PodDisruptionBudget's selector and
/// `minAvailable`; an autoscaler's target and `minReplicas`; of a role, the groups, resources and
/// verbs of the rules that grant exec/attach or everything (the only questions asked of a role),
/// every other rule emptied. A ResourceQuota or LimitRange keeps its identity only.
enum ContextRetention {
    /// A path below the object, `*` standing for any item of a list; `whole` keeps what is under
    /// it, otherwise only the path itself (a list keeps its items, emptied).
    struct KeptPath: Sendable {
        var keys: [String]
        var whole = true
    }

    static let identity: [KeptPath] = [
        ["apiVersion"], ["kind"], ["metadata", "name"], ["metadata", "generateName"], ["metadata", "namespace"],
    ].map { KeptPath(keys: $0) }

    private static let roleRules: [KeptPath] = [
        ["rules", "*", "apiGroups"], ["rules", "*", "resources"], ["rules", "*", "verbs"],
    ].map { KeptPath(keys: $0) }

    /// Per context kind, what the cross-object checks and the workspace read besides the identity.
    static let facts: [String: [KeptPath]] = [
        "ServiceAccount": [KeptPath(keys: ["automountServiceAccountToken"])],
        "NetworkPolicy": [
            KeptPath(keys: ["spec", "podSelector"]), KeptPath(keys: ["spec", "policyTypes"]),
            KeptPath(keys: ["spec", "egress"], whole: false),
        ],
        "PodDisruptionBudget": [KeptPath(keys: ["spec", "selector"]), KeptPath(keys: ["spec", "minAvailable"])],
        "HorizontalPodAutoscaler": [
            KeptPath(keys: ["spec", "scaleTargetRef", "kind"]), KeptPath(keys: ["spec", "scaleTargetRef", "name"]),
            KeptPath(keys: ["spec", "minReplicas"]),
        ],
        "Role": roleRules, "ClusterRole": roleRules, "ResourceQuota": [], "LimitRange": [],
    ]

    /// The object's facts, or nil when it is not a context object.
    static func retained(_ object: KubernetesObject) -> KubernetesObject? {
        guard Workspace.contextKinds.contains(object.kind), let kept = facts[object.kind] else { return nil }
        let paths = identity + kept
        // A role's rules that answer neither question are emptied: the answers stay the same.
        let rules = Set(
            (object.node["rules"]?.items ?? []).enumerated()
                .filter { RBACRules.allowsExecOrAttach($0.element) || RBACRules.isWildcardAdmin($0.element) }
                .map(\.offset))
        let node = object.node.pruned { path in
            !paths.contains { isKept(path, by: $0, rules: rules) }
        }
        return KubernetesObject(node: node, file: object.file, documentIndex: object.documentIndex, path: object.path)
    }

    /// Whether `path` is above `kept`, or is `kept` or (when it is whole) below it.
    private static func isKept(_ path: [DocumentPath.Component], by kept: KeptPath, rules: Set<Int>) -> Bool {
        for (depth, component) in path.enumerated() {
            guard depth < kept.keys.count else { return kept.whole }
            switch component {
            case .key(let key): guard key == kept.keys[depth] else { return false }
            case .index(let index):
                guard kept.keys[depth] == "*", kept.keys.first != "rules" || rules.contains(index) else { return false }
            }
        }
        return true
    }
}
