import Manifests

/// Reads `ClusterPolicy` / `Policy` objects into rules. Every part the engine does not run is
/// named in a note with file:line, and a rule that needs such a part is not run at all: a rule
/// is never passed because part of it was ignored.
enum KyvernoPolicyLoader {
    /// The variables a file can answer: the resource, and the loop variables of `foreach`.
    static let knownRoots: Set<String> = ["request", "element", "elementIndex", "@"]
    static let knownRequestFields: Set<String> = ["object", "operation", "namespace"]
    static let validateKeys: Set<String> = [
        "message", "pattern", "anyPattern", "deny", "foreach", "failureAction", "allowExistingViolations",
        "failureActionOverrides",
    ]
    static let foreachKeys: Set<String> = [
        "list", "preconditions", "pattern", "anyPattern", "deny", "foreach", "elementScope",
    ]

    static func load(_ object: KubernetesObject) -> KyvernoPolicies {
        var result = KyvernoPolicies()
        let policy = KyvernoValue(node: object.node, path: object.path).materialized
        let spec = policy["spec"] ?? .null
        let annotations = object.annotations
        let policyName = object.name
        func note(_ origin: KyvernoValue.Origin?, _ text: String) {
            result.notes.append(
                "\(object.file):\(origin?.position.line ?? object.anchor.line): Kyverno policy `\(policyName)`: \(text)"
            )
        }
        let policyAction = spec["validationFailureAction"]?.string
        if let overrides = spec["validationFailureActionOverrides"], !overrides.isFalsy {
            note(
                overrides.origin,
                "validationFailureActionOverrides (per namespace) is not supported; the policy's own action is used")
        }
        let controllers: Set<String>
        switch annotations["pod-policies.kyverno.io/autogen-controllers"] {
        case nil: controllers = KyvernoRule.defaultControllers
        case "none": controllers = []
        case let list?:
            controllers = Set(list.split(separator: ",").map { String($0).trimmingSpaces }).intersection(
                KyvernoRule.defaultControllers)
        }
        // Rules that change or create resources at admission are named once per policy.
        let admissionOnly = (spec["rules"]?.array ?? []).filter { item in
            ["mutate", "generate", "verifyImages"].contains { item[$0] != nil }
        }
        if let first = admissionOnly.first {
            let names = admissionOnly.map { "`\($0["name"]?.string ?? "?")`" }.joined(separator: ", ")
            note(
                first.origin,
                "rule(s) \(names) mutate, generate or verify images at admission; Shipshape checks and does not run them"
            )
        }
        for item in spec["rules"]?.array ?? [] {
            let ruleName = item["name"]?.string ?? "?"
            var reasons: [(KyvernoValue.Origin?, String)] = []
            if ["mutate", "generate", "verifyImages"].contains(where: { item[$0] != nil }) { continue }
            if let context = item["context"], !context.isFalsy {
                reasons.append((context.origin, "`context` (ConfigMaps, API calls, image data) needs a cluster"))
            }
            guard let validate = item["validate"], reasons.isEmpty else {
                for (origin, text) in reasons { note(origin, "rule `\(ruleName)`: \(text); the rule was not run") }
                continue
            }
            for entry in validate.entries ?? [] where !validateKeys.contains(entry.key) {
                reasons.append((entry.value.origin, "`validate.\(entry.key)` is not supported"))
            }
            if !["pattern", "anyPattern", "deny", "foreach"].contains(where: { validate[$0] != nil }) {
                reasons.append(
                    (validate.origin, "the rule validates with none of pattern, anyPattern, deny or foreach"))
            }
            let match = KyvernoResourceFilter(item["match"]) { text, origin in
                reasons.append((origin, "`match`: \(text)"))
            }
            let exclude = KyvernoResourceFilter(item["exclude"]) { text, origin in
                reasons.append((origin, "`exclude`: \(text)"))
            }
            if match.isEmpty { reasons.append((item.origin, "the rule has no `match`")) }
            reasons += unsupportedAnchors(in: validate)
            reasons += unsupportedForeach(validate["foreach"])
            var variables = KyvernoVariables(parsed: [:])
            reasons += parseExpressions(in: item, into: &variables)
            guard reasons.isEmpty else {
                for (origin, text) in reasons { note(origin, "rule `\(ruleName)`: \(text); the rule was not run") }
                continue
            }
            let action = validate["failureAction"]?.string ?? policyAction ?? "Audit"
            let pods =
                !match.kinds.isEmpty
                && match.kinds.allSatisfy {
                    KyvernoResourceFilter.kindMatches($0, apiVersion: "v1", kind: "Pod") && !$0.contains("*")
                }
                && exclude.kinds.allSatisfy { KyvernoResourceFilter.kindMatches($0, apiVersion: "v1", kind: "Pod") }
                && !match.usesNamesOrSelectors && !exclude.usesNamesOrSelectors
            let message = validate["message"]?.string ?? "validation rule `\(ruleName)` failed"
            let rule = KyvernoRule(
                policy: policyName, name: ruleName,
                namespace: object.kind == "Policy" ? (object.namespace ?? "default") : nil,
                file: object.file, line: item.origin?.position.line ?? object.anchor.line, match: match,
                exclude: exclude,
                preconditions: item["preconditions"], validate: validate, message: message,
                severity: action.lowercased() == "enforce" ? .danger : .warning,
                autogenControllers: pods ? controllers : [], variables: variables,
                metadata: metadata(policy: policyName, rule: ruleName, annotations: annotations, message: message))
            result.rules.append(rule)
        }
        return result
    }

    static func metadata(policy: String, rule: String, annotations: [String: String], message: String) -> CheckMetadata
    {
        let category = annotations["policies.kyverno.io/category"] ?? ""
        let checkCategory: CheckCategory =
            category.contains("Security")
            ? .security
            : category.contains("Resource") || category.contains("Efficiency") ? .efficiency : .reliability
        let title =
            annotations["policies.kyverno.io/title"].map { "\($0): \(rule)" }
            ?? "Kyverno policy \(policy), rule \(rule)"
        let description =
            (annotations["policies.kyverno.io/description"] ?? "A Kyverno validate rule of the policy `\(policy)`.")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let remediation = message.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return CheckMetadata(
            id: "kyverno:\(policy)/\(rule)", category: checkCategory,
            target: annotations["policies.kyverno.io/subject"] ?? "Kyverno",
            title: title, description: description,
            remediation: remediation.hasSuffix(".") ? remediation : remediation + ".")
    }

    /// `+()` adds a value at admission (mutate); in a validate pattern it means nothing Kyverno checks.
    private static func unsupportedAnchors(in value: KyvernoValue) -> [(KyvernoValue.Origin?, String)] {
        switch value.kind {
        case .object(let entries):
            return entries.flatMap { entry -> [(KyvernoValue.Origin?, String)] in
                let anchor = KyvernoAnchor(entry.key)
                let own: [(KyvernoValue.Origin?, String)] =
                    anchor.kind == .addIfNotPresent
                    ? [(entry.value.origin, "the add-if-not-present anchor `\(entry.key)` belongs to mutate rules")]
                    : []
                return own + unsupportedAnchors(in: entry.value)
            }
        case .array(let items): return items.flatMap(unsupportedAnchors)
        default: return []
        }
    }

    private static func unsupportedForeach(_ value: KyvernoValue?) -> [(KyvernoValue.Origin?, String)] {
        guard let items = value?.array else { return [] }
        return items.flatMap { item -> [(KyvernoValue.Origin?, String)] in
            let own = (item.entries ?? []).filter { !foreachKeys.contains($0.key) }.map {
                ($0.value.origin, "`foreach.\($0.key)` is not supported")
            }
            return own + unsupportedForeach(item["foreach"])
        }
    }

    /// Parses every expression in `value` into `variables`; what cannot be parsed or needs more
    /// than a file gives (the admission request, a cluster) is returned with its origin.
    static func parseExpressions(in value: KyvernoValue, into variables: inout KyvernoVariables) -> [(
        KyvernoValue.Origin?, String
    )] {
        var problems: [(KyvernoValue.Origin?, String)] = []
        for expression in expressions(in: value) {
            do {
                let parsed = try JMESPath.parse(expression.text)
                if let problem = unknownVariable(parsed, expression.text) {
                    problems.append((expression.origin, problem))
                } else {
                    variables.parsed[expression.text] = parsed
                }
            } catch {
                problems.append((expression.origin, "`\(expression.text)`: \(error)"))
            }
        }
        return problems
    }

    /// Every expression of the rule: `{{ }}` in any string, and each `foreach.list`.
    private static func expressions(in value: KyvernoValue, key: String? = nil) -> [(
        text: String, origin: KyvernoValue.Origin?
    )] {
        switch value.kind {
        case .string(let text):
            if key == "list" { return [(KyvernoVariables.expressions(in: text).first ?? text, value.origin)] }
            if key == "message" { return [] }
            return KyvernoVariables.expressions(in: text).map { ($0, value.origin) }
        case .object(let entries): return entries.flatMap { expressions(in: $0.value, key: $0.key) }
        case .array(let items): return items.flatMap { expressions(in: $0) }
        default: return []
        }
    }

    /// A variable a file cannot give (`request.userInfo`, `images`, `serviceAccountName`...).
    private static func unknownVariable(_ expression: JMESPath, _ text: String) -> String? {
        for root in expression.roots where !knownRoots.contains(root) {
            return "the variable `\(root)` in `\(text)` needs the admission request or a cluster"
        }
        var rest = Substring(text)
        while let found = rest.firstRange(of: "request.") {
            let field = rest[found.upperBound...].prefix { $0.isLetter }
            if !knownRequestFields.contains(String(field)) {
                return "`request.\(field)` in `\(text)` needs the admission request"
            }
            rest = rest[found.upperBound...]
        }
        return nil
    }
}
