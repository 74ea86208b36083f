/// `preconditions` and `deny.conditions`: `any` / `all` blocks (or a bare list, meaning all)
/// of `key`, `operator`, `value`, with Kyverno's operators.
enum KyvernoConditions {
    static let operators: Set<String> = [
        "Equals", "Equal", "NotEquals", "NotEqual", "In", "AnyIn", "AllIn", "NotIn", "AnyNotIn", "AllNotIn",
        "GreaterThan", "GreaterThanOrEquals", "LessThan", "LessThanOrEquals",
        "DurationGreaterThan", "DurationGreaterThanOrEquals", "DurationLessThan", "DurationLessThanOrEquals",
    ]

    /// Whether the conditions hold; with the origin of the key of the first one that decided it,
    /// so a denial is placed on the value it is about.
    static func evaluate(_ conditions: KyvernoValue?, variables: KyvernoVariables, context: KyvernoValue)
        throws(KyvernoVariables.Failure) -> (holds: Bool, origin: KyvernoValue.Origin?)
    {
        guard let conditions, !conditions.isNull else { return (true, nil) }
        if let list = conditions.array { return try all(list, variables, context) }
        var origin: KyvernoValue.Origin?
        if let any = conditions["any"]?.array, !any.isEmpty {
            var held = false
            for condition in any {
                let result = try one(condition, variables, context)
                if result.holds {
                    held = true
                    origin = result.origin
                    break
                }
            }
            if !held { return (false, nil) }
        }
        if let all = conditions["all"]?.array {
            let result = try self.all(all, variables, context)
            if !result.holds { return (false, nil) }
            origin = origin ?? result.origin
        }
        return (true, origin)
    }

    private static func all(_ list: [KyvernoValue], _ variables: KyvernoVariables, _ context: KyvernoValue)
        throws(KyvernoVariables.Failure) -> (holds: Bool, origin: KyvernoValue.Origin?)
    {
        var origin: KyvernoValue.Origin?
        for condition in list {
            let result = try one(condition, variables, context)
            if !result.holds { return (false, nil) }
            origin = origin ?? result.origin
        }
        return (true, origin)
    }

    private static func one(_ condition: KyvernoValue, _ variables: KyvernoVariables, _ context: KyvernoValue)
        throws(KyvernoVariables.Failure) -> (holds: Bool, origin: KyvernoValue.Origin?)
    {
        let key = try variables.substitute(condition["key"] ?? .null, in: context)
        let value = try variables.substitute(condition["value"] ?? .null, in: context)
        let name = condition["operator"]?.string ?? ""
        let holds = compare(key, name, value)
        return (holds, holds ? offending(key, name, value) ?? key.origin : nil)
    }

    static func compare(_ key: KyvernoValue, _ name: String, _ value: KyvernoValue) -> Bool {
        switch name {
        case "Equals", "Equal": return equals(key, value)
        case "NotEquals", "NotEqual": return !equals(key, value)
        case "In", "AllIn": return setTest(key, value, all: true, negated: false)
        case "AnyIn": return setTest(key, value, all: false, negated: false)
        case "NotIn", "AllNotIn": return setTest(key, value, all: true, negated: true)
        case "AnyNotIn": return setTest(key, value, all: false, negated: true)
        case "GreaterThan": return numeric(key, value) { $0 > $1 }
        case "GreaterThanOrEquals": return numeric(key, value) { $0 >= $1 }
        case "LessThan": return numeric(key, value) { $0 < $1 }
        case "LessThanOrEquals": return numeric(key, value) { $0 <= $1 }
        case "DurationGreaterThan": return durations(key, value) { $0 > $1 }
        case "DurationGreaterThanOrEquals": return durations(key, value) { $0 >= $1 }
        case "DurationLessThan": return durations(key, value) { $0 < $1 }
        case "DurationLessThanOrEquals": return durations(key, value) { $0 <= $1 }
        default: return false
        }
    }

    /// Kyverno's `Equals`: strings as durations, quantities, then wildcards; other values by type.
    static func equals(_ key: KyvernoValue, _ value: KyvernoValue) -> Bool {
        switch key.kind {
        case .string(let text):
            if let left = KyvernoQuantity.duration(text),
                let right = (value.string.flatMap(KyvernoQuantity.duration) ?? value.number)
            {
                return left == right
            }
            if let left = KyvernoQuantity.parse(text), case .string(let other) = value.kind {
                guard let right = KyvernoQuantity.parse(other) else { return false }
                return left == right
            }
            guard let pattern = value.string else { return false }
            return KyvernoWildcard.match(pattern, text)
        case .int, .double:
            if let number = value.number { return key.number == number }
            if let text = value.string, let number = Double(text) { return key.number == number }
            return false
        default:
            return key.equals(value)
        }
    }

    /// The `In` family: `key` (one value or a list) against `value` (a list, one string, a JSON
    /// list in a string, or a range `a-b`); wildcards on both sides.
    static func setTest(_ key: KyvernoValue, _ value: KyvernoValue, all: Bool, negated: Bool) -> Bool {
        let keys: [String]
        switch key.kind {
        case .array(let items): keys = items.map(\.printed)
        case .string, .int, .double, .bool: keys = [key.printed]
        default: return false
        }
        let isIn: (String) -> Bool
        switch value.kind {
        case .array(let items):
            let values = items.map(\.printed)
            isIn = { key in values.contains { KyvernoWildcard.match($0, key) || KyvernoWildcard.match(key, $0) } }
        case .string(let text):
            if KyvernoScalarPattern.range(text) != nil {
                isIn = { KyvernoScalarPattern.matches(KyvernoValue(.string($0)), condition: text) }
            } else if let list = KyvernoValue.parseJSON(text)?.array {
                let values = list.map(\.printed)
                isIn = { values.contains($0) }
            } else {
                isIn = { KyvernoWildcard.match(text, $0) || $0 == text }
            }
        case .int, .double:
            let text = value.printed
            isIn = { KyvernoWildcard.match($0, text) }
        default:
            return false
        }
        switch (all, negated) {
        case (true, false): return keys.allSatisfy(isIn)
        case (false, false): return keys.contains(where: isIn)
        case (true, true): return !keys.contains(where: isIn)
        case (false, true): return keys.contains { !isIn($0) }
        }
    }

    /// For a key list under a set operator, the first item that made the condition hold.
    private static func offending(_ key: KyvernoValue, _ name: String, _ value: KyvernoValue) -> KyvernoValue.Origin? {
        guard let items = key.array, ["AnyNotIn", "AnyIn", "NotIn", "AllNotIn", "In", "AllIn"].contains(name) else {
            return nil
        }
        let negated = name.contains("Not")
        return items.first { item in setTest(item, value, all: true, negated: negated) }?.origin
    }

    private static func numeric(_ key: KyvernoValue, _ value: KyvernoValue, _ test: (Double, Double) -> Bool) -> Bool {
        func number(_ value: KyvernoValue) -> Double? {
            if let number = value.number { return number }
            if let text = value.string { return KyvernoQuantity.parse(text) ?? KyvernoQuantity.duration(text) }
            return nil
        }
        guard let left = number(key), let right = number(value) else { return false }
        return test(left, right)
    }

    private static func durations(_ key: KyvernoValue, _ value: KyvernoValue, _ test: (Double, Double) -> Bool) -> Bool
    {
        guard let left = key.string.flatMap(KyvernoQuantity.duration) ?? key.number,
            let right = value.string.flatMap(KyvernoQuantity.duration) ?? value.number
        else { return false }
        return test(left, right)
    }
}
