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
    /// A PodDisruptionBudget whose selector selects the pods of `object`. As in Polaris, a budget
    /// with an empty selector is not taken as attached to any particular workload.
    func disruptionBudget(for object: KubernetesObject) -> KubernetesObject? {
        guard Workspace.podLabels(of: object)?.isEmpty == false else { return nil }
        var found: KubernetesObject?
        forEachSelecting("PodDisruptionBudget", podsOf: object, allowEmptySelector: false) { budget in
            found = budget
            return false
        }
        return found
    }
}
