/// `{{ expression }}` substitution as Kyverno does it: a string that is one variable becomes the
/// expression's value (typed), a variable inside a longer string is written into it.
struct KyvernoVariables: Sendable {
    /// Parsed expressions by their text, filled when the policy is loaded.
    var parsed: [String: JMESPath]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of every `{{ }}` in `text`, trimmed.
    static func expressions(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            if open.lowerBound > rest.startIndex, rest[rest.index(before: open.lowerBound)] == "\\" {
                rest = rest[open.upperBound...]
                continue
            }
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            found.append(String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces)
            rest = rest[close.upperBound...]
        }
        return found
    }

    func evaluate(_ expression: String, in context: KyvernoValue) throws(Failure) -> KyvernoValue {
        let compiled: JMESPath
        if let known = parsed[expression] {
            compiled = known
        } else {
            do { compiled = try JMESPath.parse(expression) } catch {
                throw Failure(description: "`\(expression)`: \(error)")
            }
        }
        let value: KyvernoValue
        do { value = try compiled.evaluate(context) } catch { throw Failure(description: "`\(expression)`: \(error)") }
        if value.isNull { throw Failure(description: "`\(expression)` has no value for this resource") }
        return value
    }

    /// `value` with its variables replaced; objects and lists are substituted throughout.
    func substitute(_ value: KyvernoValue, in context: KyvernoValue) throws(Failure) -> KyvernoValue {
        // A rule without expressions has nothing to substitute (most patterns): no walk, no copies.
        if parsed.isEmpty || !value.containsExpression { return value }
        switch value.kind {
        case .string(let text):
            guard text.contains("{{") else { return value }
            let trimmed = text.trimmingSpaces
            let expressions = Self.expressions(in: trimmed)
            if expressions.count == 1, trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"),
                trimmed.dropFirst(2).firstRange(of: "{{") == nil
            {
                return try evaluate(expressions[0], in: context)
            }
            return KyvernoValue(.string(try interpolate(text, in: context)), origin: value.origin)
        case .array(let items):
            var result: [KyvernoValue] = []
            for item in items { result.append(try substitute(item, in: context)) }
            return KyvernoValue(.array(result), origin: value.origin)
        case .object(let entries):
            var result: [KyvernoValue.Entry] = []
            for entry in entries {
                result.append(.init(key: entry.key, value: try substitute(entry.value, in: context)))
            }
            return KyvernoValue(.object(result), origin: value.origin)
        default:
            return value
        }
    }

    /// Every variable of `text` written as text (strings as they are, other values as JSON).
    func interpolate(_ text: String, in context: KyvernoValue) throws(Failure) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
            output += rest[..<open.lowerBound]
            let value = try evaluate(String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces, in: context)
            output += value.string ?? value.json
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}

extension KyvernoValue {
    /// Whether a string anywhere in the value holds `{{`.
    var containsExpression: Bool {
        switch kind {
        case .string(let text): text.utf8.count > 3 && text.contains("{{")
        case .array(let items): items.contains(where: \.containsExpression)
        case .object(let entries): entries.contains { $0.value.containsExpression }
        default: false
        }
    }
}
