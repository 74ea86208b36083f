/// The JMESPath functions `JMESPath.functions` lists, with the specification's argument types.
enum JMESPathFunctions {
    static func call(_ name: String, _ arguments: [KyvernoValue]) throws(JMESPath.EvaluationError) -> KyvernoValue {
        func fail(_ expected: String) -> JMESPath.EvaluationError {
            JMESPath.EvaluationError(
                description: "\(name)() expects \(expected), got \(arguments.map(\.typeName).joined(separator: ", "))")
        }
        func argument(_ index: Int) -> KyvernoValue { arguments.indices.contains(index) ? arguments[index] : .null }
        switch name {
        case "to_upper", "to_lower":
            guard arguments.count == 1, let text = argument(0).string else { throw fail("one string") }
            return KyvernoValue(.string(name == "to_upper" ? text.uppercased() : text.lowercased()))
        case "keys":
            guard arguments.count == 1, let entries = argument(0).entries else { throw fail("one object") }
            return KyvernoValue(.array(entries.map { KyvernoValue(.string($0.key), origin: $0.value.origin) }))
        case "values":
            guard arguments.count == 1, let entries = argument(0).entries else { throw fail("one object") }
            return KyvernoValue(.array(entries.map(\.value)))
        case "length":
            guard arguments.count == 1 else { throw fail("one argument") }
            switch argument(0).kind {
            case .string(let text): return KyvernoValue(.int(text.count))
            case .array(let items): return KyvernoValue(.int(items.count))
            case .object(let entries): return KyvernoValue(.int(entries.count))
            default: throw fail("a string, array or object")
            }
        case "contains":
            guard arguments.count == 2 else { throw fail("two arguments") }
            switch argument(0).kind {
            case .string(let text):
                guard let needle = argument(1).string else { return KyvernoValue(.bool(false)) }
                return KyvernoValue(.bool(needle.isEmpty || text.contains(needle)))
            case .array(let items): return KyvernoValue(.bool(items.contains { $0.equals(argument(1)) }))
            default: throw fail("an array or string first")
            }
        case "starts_with", "ends_with":
            guard arguments.count == 2, let text = argument(0).string, let affix = argument(1).string else {
                throw fail("two strings")
            }
            return KyvernoValue(.bool(name == "starts_with" ? text.hasPrefix(affix) : text.hasSuffix(affix)))
        case "to_string":
            guard arguments.count == 1 else { throw fail("one argument") }
            if let text = argument(0).string { return KyvernoValue(.string(text)) }
            return KyvernoValue(.string(argument(0).json))
        case "join":
            guard arguments.count == 2, let separator = argument(0).string, let items = argument(1).array else {
                throw fail("a string and an array of strings")
            }
            let texts = items.compactMap(\.string)
            guard texts.count == items.count else { throw fail("a string and an array of strings") }
            return KyvernoValue(.string(texts.joined(separator: separator)))
        case "not_null":
            return arguments.first { !$0.isNull } ?? .null
        case "type":
            guard arguments.count == 1 else { throw fail("one argument") }
            return KyvernoValue(.string(argument(0).typeName))
        default:
            throw JMESPath.EvaluationError(description: "the function `\(name)` is not supported")
        }
    }
}

extension KyvernoValue {
    var typeName: String {
        switch kind {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Compact JSON, for values interpolated into a message or a string.
    var json: String {
        switch kind {
        case .null: "null"
        case .bool, .int, .double: printed
        case .string(let text): "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        case .array(let items): "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let entries): "{" + entries.map { "\"\($0.key)\":\($0.value.json)" }.joined(separator: ",") + "}"
        }
    }
}
