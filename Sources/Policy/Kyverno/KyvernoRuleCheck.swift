import Manifests

/// A Kyverno validate rule run as a check, with the id `kyverno:<policy>/<rule>`.
struct KyvernoRuleCheck: Check {
    /// The catalogue's static metadata does not fit checks made at run time; each instance has its own.
    static let metadata = CheckMetadata(
        id: "kyverno", category: .reliability, target: "Kyverno", title: "Kyverno policy rules",
        description: "Validate rules of Kyverno policies.", remediation: "Follow the policy's message.")

    let rule: KyvernoRule
    private let kinds: Set<String>?

    init(rule: KyvernoRule) {
        self.rule = rule
        kinds = rule.candidateKinds
    }

    var metadata: CheckMetadata { rule.metadata }
    var fix: FixRecipe? { nil }

    func applies(to object: KubernetesObject) -> Bool {
        guard !KyvernoPolicies.isPolicy(object) else { return false }
        return kinds?.contains(object.kind) ?? true
    }

    func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        let outcome = KyvernoRuleEvaluator.evaluate(rule, on: object)
        let message = messageText(for: object)
        switch outcome {
        case .fail(let failures):
            return failures.map { failure in
                let position = failure.origin?.position ?? object.anchor
                let path = failure.origin?.path ?? object.path
                return Violation(
                    at: position, path: path, message: "\(message) (\(failure.detail))",
                    container: Self.container(at: path, in: object))
            }
        case .error(let problem):
            return [
                Violation(
                    at: object.anchor, path: object.path,
                    message: "the rule could not be evaluated on this resource: \(problem)", severity: .warning)
            ]
        case .pass, .skip, .notApplicable:
            return []
        }
    }

    private func messageText(for object: KubernetesObject) -> String {
        let text = rule.message.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard text.contains("{{") else { return text }
        let context = KyvernoValue(
            .object([
                .init(
                    key: "request",
                    value: KyvernoValue(
                        .object([.init(key: "object", value: KyvernoValue(node: object.node, path: object.path))])))
            ]))
        return (try? rule.variables.interpolate(text, in: context)) ?? text
    }

    /// The name of the container a path leads into, so container exemptions apply.
    static func container(at path: DocumentPath, in object: KubernetesObject) -> String? {
        var node: YAMLNode? = object.node
        var name: String?
        var components = path.components.dropFirst(object.path.components.count)[...]
        var previousKey: String?
        while let component = components.first, let current = node {
            components = components.dropFirst()
            switch component {
            case .key(let key):
                node = current[key]
                previousKey = key
            case .index(let index):
                let items = current.items ?? []
                node = items.indices.contains(index) ? items[index] : nil
                if ["containers", "initContainers", "ephemeralContainers"].contains(previousKey ?? "") {
                    name = node?["name"]?.string
                }
            }
        }
        return name
    }
}
