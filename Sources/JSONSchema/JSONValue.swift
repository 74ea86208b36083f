import Manifests

/// A JSON value without positions: the constants a schema holds (`const`, `enum`) and the
/// values Polaris' templates compute.
package indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The JSON Schema type name of the value (`integer` for whole numbers, as the drafts say).
    package var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
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
            self = .number(Double(int))
            return
        }
        if let number = Self.number(scalar.text) {
            self = .number(number)
            return
        }
        self = .string(scalar.text)
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
