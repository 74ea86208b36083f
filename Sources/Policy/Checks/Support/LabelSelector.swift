import Manifests

/// A Kubernetes label selector (`matchLabels` and `matchExpressions`), matched as the API server
/// does: every requirement must hold, and an empty selector selects everything.
struct LabelSelector: Sendable {
    let matchLabels: [String: String]
    let expressions: [(key: String, operation: String, values: [String])]

    init(_ node: YAMLNode?) {
        matchLabels = node?["matchLabels"]?.stringMap ?? [:]
        expressions = (node?["matchExpressions"]?.items ?? []).compactMap { item in
            guard let key = item["key"]?.string, let operation = item["operator"]?.string else { return nil }
            return (key, operation, (item["values"]?.items ?? []).compactMap(\.string))
        }
    }

    var isEmpty: Bool { matchLabels.isEmpty && expressions.isEmpty }

    func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels where labels[key] != value { return false }
        for expression in expressions {
            let value = labels[expression.key]
            switch expression.operation {
            case "In": guard let value, expression.values.contains(value) else { return false }
            case "NotIn": if let value, expression.values.contains(value) { return false }
            case "Exists": guard value != nil else { return false }
            case "DoesNotExist": guard value == nil else { return false }
            default: return false
            }
        }
        return true
    }
}

extension Workspace {
    /// Objects of `kind` that can apply to `object`: same namespace, or no namespace at all
    /// (a file without one lands wherever it is applied, so it is given the benefit of the doubt).
    func related(_ kind: String, to object: KubernetesObject) -> [KubernetesObject] {
        guard let namespace = effectiveNamespace(of: object) else { return objects(ofKind: kind) }
        return objects(ofKind: kind, inNamespace: namespace) + objects(ofKind: kind, inNamespace: nil)
    }

    /// The PodDisruptionBudgets whose selector selects the pods of `object`. As in Polaris, a budget
    /// with an empty selector is not taken as attached to any particular workload.
    func disruptionBudgets(for object: KubernetesObject) -> [KubernetesObject] {
        guard object.podTemplate?.labels.isEmpty == false else { return [] }
        return selecting("PodDisruptionBudget", podsOf: object, allowEmptySelector: false)
    }
}
