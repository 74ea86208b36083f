import Manifests

/// The objects of one kind that select pods by label (NetworkPolicies, PodDisruptionBudgets),
/// with their selectors parsed once, by effective namespace ("" for none).
struct SelectorIndex: Sendable {
    struct Entry: Sendable {
        let object: KubernetesObject
        let selector: LabelSelector
    }

    /// Where each kind keeps its pod selector.
    static let selectorPaths: [String: [String]] = [
        "NetworkPolicy": ["spec", "podSelector"],
        "PodDisruptionBudget": ["spec", "selector"],
    ]

    private var byNamespace: [String: [Entry]] = [:]

    mutating func add(_ object: KubernetesObject, namespace: String?, selectorPath: [String]) {
        var node: YAMLNode? = object.node
        for key in selectorPath { node = node?[key] }
        byNamespace[namespace ?? "", default: []].append(Entry(object: object, selector: LabelSelector(node)))
    }

    /// Objects whose selector selects `labels`, in `namespace` or in no namespace
    /// (every namespace when `namespace` is nil).
    func selecting(_ labels: [String: String], namespace: String?, allowEmptySelector: Bool) -> [KubernetesObject] {
        var found: [KubernetesObject] = []
        func collect(_ entries: [Entry]?) {
            for entry in entries ?? [] where (allowEmptySelector || !entry.selector.isEmpty) && entry.selector.matches(labels) {
                found.append(entry.object)
            }
        }
        if let namespace {
            collect(byNamespace[namespace])
            if !namespace.isEmpty { collect(byNamespace[""]) }
        } else {
            for entries in byNamespace.values { collect(entries) }
        }
        return found
    }
}
