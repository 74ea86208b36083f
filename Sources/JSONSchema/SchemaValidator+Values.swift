import JSONKit

extension Schema {
    static func shape(_ shape: SchemaInstance.Shape, isOfType type: String) -> Bool {
        switch (shape, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"),
            (.number, "number"):
            true
        case (.number(let number), "integer"): number.isFinite && number.rounded() == number
        default: false
        }
    }

    static func typeName(_ shape: SchemaInstance.Shape) -> String {
        switch shape {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.rounded() == number ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func article(_ type: String) -> String {
        switch type {
        case "null": "null"
        case "array", "object", "integer": "an \(type)"
        default: "a \(type)"
        }
    }

    /// JSON equality: numbers by value (1 equals 1.0), objects regardless of key order.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        lhs == rhs
    }

    /// A value as a message shows it: short, JSON-like.
    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .integer(let whole): return String(whole)
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .string(let string):
            let shown = string.count > 60 ? String(string.prefix(57)) + "..." : string
            return "\"\(shown)\""
        case .array(let items): return items.isEmpty ? "[]" : "a list of \(items.count)"
        case .object(let object): return object.isEmpty ? "{}" : "a mapping of \(object.count)"
        }
    }
}
