import Manifests

/// Runs one rule on one resource as Kyverno's background scan would: match and exclude (with the
/// auto-generated controller rules), preconditions, then the validation.
enum KyvernoRuleEvaluator {
    struct Failure: Sendable {
        var origin: KyvernoValue.Origin?
        var detail: String
    }

    enum Outcome: Sendable {
        /// The rule does not match the resource (Kyverno reports nothing).
        case notApplicable
        case pass
        case skip(String)
        case fail([Failure])
        case error(String)

        var verdict: String {
            switch self {
            case .notApplicable: "not applicable"
            case .pass: "pass"
            case .skip: "skip"
            case .fail: "fail"
            case .error: "error"
            }
        }
    }

    static func evaluate(_ rule: KyvernoRule, on object: KubernetesObject) -> Outcome {
        if let namespace = rule.namespace, (object.namespace ?? "default") != namespace { return .notApplicable }
        let target = KyvernoTarget(object)
        let document = KyvernoValue(node: object.node, path: object.path)
        let resource: KyvernoValue
        let asPod: Bool
        if rule.match.matches(target), !rule.exclude.matches(target) {
            resource = document
            asPod = false
        } else if rule.autogenControllers.contains(object.kind),
            rule.match.matches(target, kindOverride: ("v1", "Pod")),
            !rule.exclude.matches(target, kindOverride: ("v1", "Pod"))
        {
            // Kyverno's autogen rewrites a Pod rule onto the pod template; checking the template as the pod is the same.
            let template =
                object.kind == "CronJob"
                ? document["spec"]?["jobTemplate"]?["spec"]?["template"] : document["spec"]?["template"]
            resource = template ?? KyvernoValue(.null, origin: document.origin)
            asPod = true
        } else {
            return .notApplicable
        }
        var request: [KyvernoValue.Entry] = [
            .init(key: "object", value: resource), .init(key: "operation", value: KyvernoValue(.string("CREATE"))),
        ]
        if let namespace = object.namespace {
            request.append(.init(key: "namespace", value: KyvernoValue(.string(namespace))))
        }
        let context = KyvernoValue(.object([.init(key: "request", value: KyvernoValue(.object(request)))]))
        // A PolicyException is matched against the resource itself (the Deployment, not its pod
        // template), under the rule's name on that resource, with `request.object` the whole resource.
        if !rule.exceptions.isEmpty {
            let reported = rule.reportedName(asPod: asPod, kind: object.kind)
            let whole = asPod ? context.replacingRequestObject(with: document) : context
            if let exception = rule.exceptions.first(where: {
                $0.names(policy: rule.exceptionPolicyName, rule: reported) && $0.excepts(target, context: whole)
            }) {
                return .skip("excepted by \(exception.reference)")
            }
        }
        do {
            let preconditions = try KyvernoConditions.evaluate(
                rule.preconditions, variables: rule.variables, context: context)
            guard preconditions.holds else { return .skip("preconditions not met") }
            return try validate(rule.validate, resource: resource, context: context, variables: rule.variables)
        } catch {
            return .error(error.description)
        }
    }

    /// `validate` (or one `foreach` entry, whose `pattern` applies to the element).
    private static func validate(
        _ block: KyvernoValue, resource: KyvernoValue, context: KyvernoValue, variables: KyvernoVariables
    ) throws(KyvernoVariables.Failure) -> Outcome {
        if let foreach = block["foreach"]?.array {
            return try loops(foreach, context: context, fallback: resource.origin, variables: variables)
        }
        if let pattern = block["pattern"] {
            let pattern = try variables.substitute(pattern, in: context)
            guard let mismatch = KyvernoPatternMatcher.match(resource, pattern) else { return .pass }
            return mismatch.isSkip
                ? .skip(mismatch.message)
                : .fail([Failure(origin: mismatch.origin ?? resource.origin, detail: mismatch.message)])
        }
        if let patterns = block["anyPattern"]?.array {
            var failures: [Failure] = []
            var skips = 0
            for pattern in patterns {
                let pattern = try variables.substitute(pattern, in: context)
                guard let mismatch = KyvernoPatternMatcher.match(resource, pattern) else { return .pass }
                if mismatch.isSkip {
                    skips += 1
                } else {
                    failures.append(Failure(origin: mismatch.origin ?? resource.origin, detail: mismatch.message))
                }
            }
            if failures.isEmpty { return skips > 0 ? .skip("every pattern's conditions were unmet") : .pass }
            return .fail([
                Failure(origin: failures[0].origin, detail: failures.map(\.detail).joined(separator: "; or "))
            ])
        }
        if let deny = block["deny"] {
            let result = try KyvernoConditions.evaluate(deny["conditions"], variables: variables, context: context)
            return result.holds
                ? .fail([Failure(origin: result.origin ?? resource.origin, detail: "the deny conditions hold")]) : .pass
        }
        return .pass
    }

    private static func loops(
        _ entries: [KyvernoValue], context: KyvernoValue, fallback: KyvernoValue.Origin?, variables: KyvernoVariables
    ) throws(KyvernoVariables.Failure) -> Outcome {
        var failures: [Failure] = []
        var applied = 0
        for entry in entries {
            let listText = entry["list"]?.string ?? ""
            let expression = KyvernoVariables.expressions(in: listText).first ?? listText
            let list: KyvernoValue
            do { list = try variables.evaluate(expression, in: context) } catch { list = .null }
            for (index, element) in (list.array ?? []).enumerated() {
                let scoped = context.setting("element", element).setting("elementIndex", KyvernoValue(.int(index)))
                let preconditions = try KyvernoConditions.evaluate(
                    entry["preconditions"], variables: variables, context: scoped)
                guard preconditions.holds else { continue }
                let outcome = try validate(entry, resource: element, context: scoped, variables: variables)
                switch outcome {
                case .pass: applied += 1
                case .fail(let found):
                    applied += 1
                    failures += found.map {
                        Failure(
                            origin: $0.origin ?? element.origin ?? fallback,
                            detail: "item \(index) of `\(expression)`: \($0.detail)")
                    }
                case .skip, .notApplicable: break
                case .error(let text): return .error(text)
                }
            }
        }
        if !failures.isEmpty { return .fail(failures) }
        return applied == 0 ? .skip("no item of the foreach lists was checked") : .pass
    }
}

extension KyvernoValue {
    /// The admission context with another `request.object`.
    func replacingRequestObject(with object: KyvernoValue) -> KyvernoValue {
        guard let request = self["request"] else { return self }
        return setting("request", request.setting("object", object))
    }

    /// The object with `key` set (the `foreach` element added to the context).
    func setting(_ key: String, _ value: KyvernoValue) -> KyvernoValue {
        var entries = self.entries ?? []
        entries.removeAll { $0.key == key }
        entries.append(Entry(key: key, value: value))
        return KyvernoValue(.object(entries), origin: origin)
    }
}
