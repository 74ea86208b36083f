import Manifests

/// A JSON value without positions: the constants a schema holds (`const`, `enum`), the values
/// Polaris' templates compute, and JSON documents read with Foundation (`JSONValue(jsonData:)`).
package indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits, kept exact (JSON read
    /// with Foundation; YAML scalars are read as Go reads them into Polaris, as `number`).
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

    /// The value of a YAML node as Kubernetes' YAML reader (sigs.k8s.io/yaml: YAML 1.1 plain
    /// scalars, then JSON) hands it to Polaris. Nesting is bounded by the parser's limits.
    package init(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let scalar): self = JSONValue(scalar: scalar)
        case .sequence(let items): self = .array(items.map(JSONValue.init))
        case .mapping(let entries):
            var object: [String: JSONValue] = [:]
            for entry in entries { object[entry.keyText ?? ""] = JSONValue(entry.value) }
            self = .object(object)
        }
    }

    package init(scalar: YAMLScalar) {
        if let tag = scalar.tag {
            switch tag {
            case "tag:yaml.org,2002:str":
                self = .string(scalar.text)
                return
            case "tag:yaml.org,2002:null":
                self = .null
                return
            default: break
            }
        }
        guard scalar.style == .plain else {
            self = .string(scalar.text)
            return
        }
        if scalar.isNull {
            self = .null
            return
        }
        if let bool = scalar.bool {
            self = .bool(bool)
            return
        }
        if let int = scalar.int {
            self = .integer(Int64(int))
            return
        }
        if let number = Self.number(scalar.text) {
            self = .number(number)
            return
        }
        self = .string(scalar.text)
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

    /// A YAML 1.1 float (`1.5`, `-2e3`, `.5`); not `inf`/`nan` spelled as words.
    static func number(_ text: String) -> Double? {
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return nil }
        guard text.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            !text.lowercased().contains("n")
        else { return nil }
        return Double(text)
    }
}
