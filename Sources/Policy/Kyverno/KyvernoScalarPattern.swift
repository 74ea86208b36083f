/// A pattern's leaf (a string with operators, a number, a boolean or null) against a resource's
/// value, with Kyverno's rules: `|` alternatives, `&` conjunctions, `>`, `>=`, `<`, `<=`, `!`,
/// ranges `a-b` and `a!-b`, wildcards; numbers compared as quantities or durations.
enum KyvernoScalarPattern {
    enum Operator: String {
        case equal = "", moreEqual = ">=", lessEqual = "<=", notEqual = "!", more = ">", less = "<"
    }

    static func matches(_ value: KyvernoValue, pattern: KyvernoValue) -> Bool {
        switch pattern.kind {
        case .bool(let expected):
            if case .bool(let actual) = value.kind { return actual == expected }
            return false
        case .int, .double:
            let expected = pattern.number ?? 0
            switch value.kind {
            case .int, .double: return value.number == expected
            case .string(let text): return Double(text) == expected
            default: return false
            }
        case .null:
            switch value.kind {
            case .null: return true
            case .int, .double: return value.number == 0
            case .string(let text): return text.isEmpty
            case .bool(let flag): return !flag
            default: return false
            }
        case .object:
            if case .object = value.kind { return true }
            return false
        case .array:
            return false
        case .string(let text):
            if case .string(let actual) = value.kind, actual == text { return true }
            return text.split(separator: "|", omittingEmptySubsequences: false).contains { alternative in
                alternative.split(separator: "&", omittingEmptySubsequences: false).allSatisfy { condition in
                    matches(value, condition: condition.trimmingSpaces)
                }
            }
        }
    }

    static func matches(_ value: KyvernoValue, condition: String) -> Bool {
        if let range = range(condition) {
            if range.negated {
                return matches(value, condition: "< \(range.low)") || matches(value, condition: "> \(range.high)")
            }
            return matches(value, condition: ">= \(range.low)") && matches(value, condition: "<= \(range.high)")
        }
        let op = operatorOf(condition)
        let operand = String(condition.dropFirst(op.rawValue.count)).trimmingSpaces
        return compareNumbers(value, operand, op) || compareString(value, operand, op)
    }

    static func operatorOf(_ pattern: String) -> Operator {
        for op in [Operator.moreEqual, .lessEqual, .more, .less, .notEqual] where pattern.hasPrefix(op.rawValue) {
            return op
        }
        return .equal
    }

    /// `low-high` or `low!-high` with quantities at both ends.
    static func range(_ pattern: String) -> (low: String, high: String, negated: Bool)? {
        for (separator, negated) in [("!-", true), ("-", false)] {
            guard let split = pattern.dropFirst().firstRange(of: separator) else { continue }
            let low = String(pattern[..<split.lowerBound]).trimmingSpaces
            let high = String(pattern[split.upperBound...]).trimmingSpaces
            if KyvernoQuantity.parse(low) != nil, KyvernoQuantity.parse(high) != nil { return (low, high, negated) }
        }
        return nil
    }

    private static func compareNumbers(_ value: KyvernoValue, _ operand: String, _ op: Operator) -> Bool {
        let text: String
        switch value.kind {
        case .null: text = "0"
        case .string(let string): text = string
        case .int(let int): text = String(int)
        case .double(let double): text = String(double)
        default: return false
        }
        let pair: (Double, Double)?
        if let left = KyvernoQuantity.duration(text), let right = KyvernoQuantity.duration(operand),
            text != "0" || operand != "0"
        {
            pair = (left, right)
        } else if let left = KyvernoQuantity.parse(text), let right = KyvernoQuantity.parse(operand) {
            pair = (left, right)
        } else {
            pair = nil
        }
        guard let (left, right) = pair else { return false }
        switch op {
        case .equal: return left == right
        case .notEqual: return left != right
        case .more: return left > right
        case .less: return left < right
        case .moreEqual: return left >= right
        case .lessEqual: return left <= right
        }
    }

    private static func compareString(_ value: KyvernoValue, _ operand: String, _ op: Operator) -> Bool {
        guard op == .equal || op == .notEqual else { return false }
        let text: String
        switch value.kind {
        case .string(let string): text = string
        case .int, .double, .bool: text = value.printed
        default: return false
        }
        return KyvernoWildcard.match(operand, text) != (op == .notEqual)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
