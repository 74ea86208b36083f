/// The product's one JSON value, without positions: the constants a schema holds (`const`,
/// `enum`), the values Polaris' templates compute, JSON documents read with Foundation
/// (`JSONValue(jsonData:)`), and the request bodies written to forges (`jsonData`).
package indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits, kept exact (JSON read
    /// with Foundation, integers written from Swift; YAML scalars are read as Go reads them into
    /// Polaris, as `number`).
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The JSON Schema type name of the value (`integer` for whole numbers, as the drafts say).
    package var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number(let number): number.rounded() == number && number.isFinite ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Numbers are equal by value (`1` equals `1.0`, as JSON Schema's `enum` and `const` mean it),
    /// and an integer only to a number that holds exactly it.
    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.integer(let left), .integer(let right)): left == right
        case (.number(let left), .number(let right)): left == right
        case (.integer(let whole), .number(let number)), (.number(let number), .integer(let whole)):
            Int64(exactly: number) == whole
        case (.string(let left), .string(let right)): left == right
        case (.array(let left), .array(let right)): left == right
        case (.object(let left), .object(let right)): left == right
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let bool): hasher.combine(bool)
        // An integer a Double holds exactly hashes as that Double, so equal values hash alike.
        case .integer(let whole):
            if let number = Double(exactly: whole) { hasher.combine(number) } else { hasher.combine(whole) }
        case .number(let number): hasher.combine(number)
        case .string(let string): hasher.combine(string)
        case .array(let items): hasher.combine(items)
        case .object(let object): hasher.combine(object)
        }
    }

    /// The value with every mapping entry whose value is null removed, as Go's typed objects drop them.
    package var withoutNullEntries: JSONValue {
        switch self {
        case .array(let items): .array(items.map(\.withoutNullEntries))
        case .object(let object): .object(object.filter { $0.value != .null }.mapValues(\.withoutNullEntries))
        default: self
        }
    }
}
