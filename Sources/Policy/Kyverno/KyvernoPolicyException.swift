import Manifests

/// A Kyverno `PolicyException` found in the tree: the rules it names are skipped on the resources
/// its `match` selects and its `conditions` accept, as Kyverno skips them at admission. Its
/// namespace does not limit what it excepts (Kyverno's rule), and `background` is not read: a
/// review stands for the admission request.
struct KyvernoPolicyException: Sendable {
    /// One entry of `spec.exceptions`: a policy (`<namespace>/<name>` for a namespaced Policy) and
    /// its rules, each a shell-style pattern as Kyverno reads them.
    struct Entry: Sendable {
        var policy: String
        var rules: [String]
    }

    var name: String
    var namespace: String
    var file: String
    var line: Int
    var entries: [Entry]
    var match: KyvernoResourceFilter
    var conditions: KyvernoValue?
    var variables: KyvernoVariables

    /// kyverno.io/v2 and v2beta1 (v2alpha1 has the same fields).
    static let apiVersions: Set<String> = ["kyverno.io/v2", "kyverno.io/v2beta1", "kyverno.io/v2alpha1"]

    static func isException(_ object: KubernetesObject) -> Bool {
        object.kind == "PolicyException" && apiVersions.contains(object.apiVersion)
    }

    /// `file:line namespace/name`, for the note that says why a rule was skipped.
    var reference: String { "PolicyException \(namespace)/\(name) (\(file):\(line))" }

    /// Whether it excepts `rule` of `policy`, the rule named as Kyverno names it on this resource.
    func names(policy: String, rule: String) -> Bool {
        entries.contains { entry in
            KyvernoWildcard.match(entry.policy, policy) && entry.rules.contains { KyvernoWildcard.match($0, rule) }
        }
    }

    /// Whether the resource is excepted: `match` selects it and the conditions hold. A condition
    /// that cannot be evaluated excepts nothing, as in Kyverno.
    func excepts(_ target: KyvernoTarget, context: KyvernoValue) -> Bool {
        guard match.matches(target) else { return false }
        guard let conditions, !conditions.isNull else { return true }
        do {
            return try KyvernoConditions.evaluate(conditions, variables: variables, context: context).holds
        } catch {
            return false
        }
    }

    /// Reads the exception; nil, with notes, when it cannot be applied from files alone (it then
    /// excepts nothing, so no finding is lost to a part Shipshape cannot judge).
    static func load(_ object: KubernetesObject) -> (exception: KyvernoPolicyException?, notes: [String]) {
        let value = KyvernoValue(node: object.node, path: object.path).materialized
        let spec = value["spec"] ?? .null
        var problems: [(KyvernoValue.Origin?, String)] = []
        let match = KyvernoResourceFilter(spec["match"]) { text, origin in problems.append((origin, "`match`: \(text)"))
        }
        if match.isEmpty { problems.append((spec.origin, "the exception has no `match`")) }
        if let podSecurity = spec["podSecurity"], !podSecurity.isFalsy {
            problems.append(
                (podSecurity.origin, "`podSecurity` controls apply to podSecurity rules, which are not run"))
        }
        var entries: [Entry] = []
        for item in spec["exceptions"]?.array ?? [] {
            guard let policy = item["policyName"]?.string, !policy.isEmpty else {
                problems.append((item.origin, "an entry of `exceptions` has no `policyName`"))
                continue
            }
            entries.append(Entry(policy: policy, rules: item["ruleNames"]?.array?.compactMap(\.string) ?? []))
        }
        if entries.isEmpty { problems.append((spec.origin, "the exception names no policy under `exceptions`")) }
        let conditions = spec["conditions"]
        var variables = KyvernoVariables(parsed: [:])
        if let conditions {
            problems += KyvernoPolicyLoader.parseExpressions(in: conditions, into: &variables)
        }
        let reference = "PolicyException `\(object.namespace ?? "default")/\(object.name)`"
        let notes = problems.map { origin, text in
            "\(object.file):\(origin?.position.line ?? object.anchor.line): Kyverno \(reference): \(text); it excepts nothing"
        }
        guard notes.isEmpty else { return (nil, notes) }
        let exception = KyvernoPolicyException(
            name: object.name, namespace: object.namespace ?? "default", file: object.file, line: object.anchor.line,
            entries: entries, match: match, conditions: conditions, variables: variables)
        return (exception, [])
    }
}
