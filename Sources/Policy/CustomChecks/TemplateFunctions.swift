import JSONKit
import JSONSchema
import Manifests

/// The functions Polaris' templates may call: Go's built-ins that its checks use, and Polaris'
/// own `hasPrefix`/`hasSuffix`.
enum TemplateFunctions {
    static func call(_ name: String, _ arguments: [SchemaInstance?], at position: SourcePosition) throws(TemplateError)
        -> SchemaInstance?
    {
        func result(_ value: JSONValue) -> SchemaInstance { .value(value, at: position) }
        func need(_ count: Int) throws(TemplateError) {
            guard arguments.count >= count else {
                throw TemplateError(line: 0, message: "`\(name)` needs \(count) argument(s)")
            }
        }
        switch name {
        case "eq":
            try need(2)
            return result(.bool(arguments.dropFirst().contains { equal(arguments[0], $0) }))
        case "ne":
            try need(2)
            return result(.bool(!equal(arguments[0], arguments[1])))
        case "not":
            try need(1)
            return result(.bool(!truth(arguments[0])))
        case "and":
            try need(1)
            return arguments.first { !truth($0) } ?? arguments.last!
        case "or":
            try need(1)
            return arguments.first { truth($0) } ?? arguments.last!
        case "hasPrefix", "hasSuffix":
            try need(2)
            let text = string(arguments[0])
            let affix = string(arguments[1])
            return result(.bool(name == "hasPrefix" ? text.hasPrefix(affix) : text.hasSuffix(affix)))
        case "print":
            // fmt.Sprint: a space between two operands when neither is a string.
            var text = ""
            for (offset, argument) in arguments.enumerated() {
                let isString = { (value: SchemaInstance?) -> Bool in
                    if case .string = value?.value { true } else { false }
                }
                if offset > 0, !isString(argument), !isString(arguments[offset - 1]) { text += " " }
                text += argument.map { printed($0.value) } ?? "<nil>"
            }
            return result(.string(text))
        case "index":
            try need(1)
            var value = arguments[0]
            for key in arguments.dropFirst() {
                switch key?.value {
                case .string(let text): value = value?.property(text)
                case .integer(let whole): value = Self.item(Double(whole), of: value)
                case .number(let number): value = Self.item(number, of: value)
                default: value = nil
                }
            }
            return value
        case "len":
            try need(1)
            switch arguments[0]?.shape {
            case .array(let items): return result(.number(Double(items.count)))
            case .object(let entries): return result(.number(Double(entries.count)))
            case .string(let text): return result(.number(Double(text.utf8.count)))
            default: throw TemplateError(line: 0, message: "`len` of a value that has no length")
            }
        default:
            throw TemplateError(
                line: 0, message: "the function `\(name)` is not supported in Polaris schema templates by Shipshape")
        }
    }

    /// Item `number` of a list; nil when there is none.
    private static func item(_ number: Double, of value: SchemaInstance?) -> SchemaInstance? {
        guard case .array(let items) = value?.shape, number >= 0, number < Double(items.count) else { return nil }
        return items[Int(number)]
    }

    /// Go's truth: false, 0, nil, and empty strings, lists and mappings are false.
    static func truth(_ value: SchemaInstance?) -> Bool {
        guard let value else { return false }
        switch value.value {
        case .null: return false
        case .bool(let bool): return bool
        case .integer(let whole): return whole != 0
        case .number(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let object): return !object.isEmpty
        }
    }

    /// Go's `eq`: a missing value (or null) equals only another missing value.
    static func equal(_ lhs: SchemaInstance?, _ rhs: SchemaInstance?) -> Bool {
        let left = lhs?.value ?? .null
        let right = rhs?.value ?? .null
        return left == right
    }

    static func string(_ value: SchemaInstance?) -> String {
        guard let value else { return "" }
        if case .string(let text) = value.value { return text }
        return printed(value.value)
    }

    /// How Go's fmt prints the value (`%v`): maps as `map[key:value]`, lists as `[a b]`.
    static func printed(_ value: JSONValue) -> String {
        switch value {
        case .null: return "<no value>"
        case .bool(let bool): return bool ? "true" : "false"
        case .string(let text): return text
        // Go reads every JSON number into a float64, and prints it as one.
        case .integer(let whole): return goNumber(Double(whole))
        case .number(let number): return goNumber(number)
        case .array(let items): return "[" + items.map(printed).joined(separator: " ") + "]"
        case .object(let object):
            return "map["
                + object.sorted { $0.key < $1.key }.map { "\($0.key):\(printed($0.value))" }.joined(separator: " ")
                + "]"
        }
    }

    /// A float64 as Go's `%v` prints it: exponent form from 1e+06 up.
    static func goNumber(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e6 { return String(Int64(number)) }
        if number.rounded() == number, abs(number) < 1e18 {
            var digits = String(Int64(abs(number)))
            let exponent = digits.count - 1
            while digits.hasSuffix("0") { digits.removeLast() }
            let mantissa = digits.count > 1 ? "\(digits.first!).\(digits.dropFirst())" : digits
            return (number < 0 ? "-" : "") + mantissa + "e+" + (exponent < 10 ? "0" : "") + String(exponent)
        }
        return String(number)
    }
}
