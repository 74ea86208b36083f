import Manifests

/// The objects of one kind that select pods by label (NetworkPolicies, PodDisruptionBudgets),
/// with their selectors parsed once and filed by effective namespace ("" for none) and by one
/// of their `matchLabels` pairs, so finding the ones that select a pod costs what its labels
/// cost, not what the repository holds.
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

    private struct Bucket: Sendable {
        /// Selectors with `matchLabels`, under their first pair (`key=value`): a pod can only be
        /// selected if it carries that pair.
        var byLabel: [String: [Entry]] = [:]
        /// Selectors without `matchLabels`: empty ones, or expressions only.
        var unkeyed: [Entry] = []
    }

    private var byNamespace: [String: Bucket] = [:]

    mutating func add(_ object: KubernetesObject, namespace: String?, selectorPath: [String]) {
        var node: YAMLNode? = object.node
        for key in selectorPath { node = node?[key] }
        let entry = Entry(object: object, selector: LabelSelector(node))
        if let first = entry.selector.matchLabels.min(by: { $0.key < $1.key }) {
            byNamespace[namespace ?? "", default: Bucket()].byLabel["\(first.key)=\(first.value)", default: []].append(
                entry)
        } else {
            byNamespace[namespace ?? "", default: Bucket()].unkeyed.append(entry)
        }
    }

    /// Visits the objects whose selector selects `labels`, in `namespace` or in no namespace
    /// (every namespace when `namespace` is nil), until `visit` returns false.
    func forEachSelecting(
        _ labels: [String: String], namespace: String?, allowEmptySelector: Bool,
        _ visit: (KubernetesObject) -> Bool
    ) {
        func walk(_ bucket: Bucket?) -> Bool {
            guard let bucket else { return true }
            for entry in bucket.unkeyed
            where (allowEmptySelector || !entry.selector.isEmpty) && entry.selector.matches(labels) {
                if !visit(entry.object) { return false }
            }
            for (key, value) in labels {
                for entry in bucket.byLabel["\(key)=\(value)"] ?? [] where entry.selector.matches(labels) {
                    if !visit(entry.object) { return false }
                }
            }
            return true
        }
        if let namespace {
            guard walk(byNamespace[namespace]), !namespace.isEmpty else { return }
            _ = walk(byNamespace[""])
        } else {
            for bucket in byNamespace.values where !walk(bucket) { return }
        }
    }
}
