import JSONKit
import Manifests

extension JSONValue {
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

    /// The value as a YAML document built in memory, for the schema compiler, which reads YAML
    /// (schemas written in JSON: OpenAPI descriptions, schema files, schemas built in Swift).
    /// Strings are quoted scalars, so `"true"` stays a string; numbers keep their exact text.
    /// Positions are node numbers, not lines of a file.
    package var yamlDocument: YAMLNode {
        var builder = YAMLDocumentBuilder()
        add(to: &builder)
        // A document with one value in it always has a root.
        return builder.finish()!
    }

    private func add(to builder: inout YAMLDocumentBuilder) {
        switch self {
        case .null: builder.scalar("null", style: .plain)
        case .bool(let flag): builder.scalar(flag ? "true" : "false", style: .plain)
        case .integer(let whole): builder.scalar(String(whole), style: .plain)
        case .number(let number): builder.scalar(number.isFinite ? "\(number)" : "null", style: .plain)
        case .string(let text): builder.scalar(text, style: .doubleQuoted)
        case .array(let items):
            builder.beginSequence()
            for item in items { item.add(to: &builder) }
            builder.end()
        case .object(let members):
            builder.beginMapping()
            for key in members.keys.sorted() {
                builder.scalar(key, style: .doubleQuoted)
                members[key]!.add(to: &builder)
            }
            builder.end()
        }
    }

    /// A YAML 1.1 float (`1.5`, `-2e3`, `.5`); not `inf`/`nan` spelled as words.
    private static func number(_ text: String) -> Double? {
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
