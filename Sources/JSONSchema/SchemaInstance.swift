import JSONKit
import Manifests

/// The value a schema validates: a node of a YAML document (so a failure knows its line), or a
/// mapping or list made for the occasion from such nodes (Polaris validates a pod spec whose only
/// container is the one being checked, and templates read the object with a `Polaris` key added).
package indirect enum SchemaInstance: Sendable {
    case node(YAMLNode)
    /// A node read as Kubernetes' typed objects read it: a key whose value is null is absent
    /// (Polaris validates containers and pod specs after a round trip through Go structs).
    case typedNode(YAMLNode)
    case mapping([(key: String, value: SchemaInstance)], at: SourcePosition)
    case sequence([SchemaInstance], at: SourcePosition)
    /// A value with no place in a file (computed by a template); `at` is where it came from.
    case value(JSONValue, at: SourcePosition)

    /// What the instance is, one level deep.
    package enum Shape {
        case null, bool(Bool), number(Double), string(String)
        case array([SchemaInstance])
        case object([(key: String, value: SchemaInstance)])
    }

    package var position: SourcePosition {
        switch self {
        case .node(let node), .typedNode(let node): node.start
        case .mapping(_, let at), .sequence(_, let at), .value(_, let at): at
        }
    }

    package var shape: Shape {
        switch self {
        case .node(let node):
            switch node.content {
            case .scalar(let scalar): return Self.shape(of: JSONValue(scalar: scalar), at: node.start)
            case .sequence(let items): return .array(items.map(SchemaInstance.node))
            case .mapping(let entries): return .object(entries.map { ($0.keyText ?? "", .node($0.value)) })
            }
        case .typedNode(let node):
            switch node.content {
            case .scalar(let scalar): return Self.shape(of: JSONValue(scalar: scalar), at: node.start)
            case .sequence(let items): return .array(items.map(SchemaInstance.typedNode))
            case .mapping(let entries):
                return .object(entries.filter { !$0.value.isNull }.map { ($0.keyText ?? "", .typedNode($0.value)) })
            }
        case .mapping(let entries, _): return .object(entries)
        case .sequence(let items, _): return .array(items)
        case .value(let value, let at): return Self.shape(of: value, at: at)
        }
    }

    private static func shape(of value: JSONValue, at position: SourcePosition) -> Shape {
        switch value {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .integer(let whole): .number(Double(whole))
        case .number(let number): .number(number)
        case .string(let string): .string(string)
        case .array(let items): .array(items.map { .value($0, at: position) })
        case .object(let object):
            .object(object.sorted { $0.key < $1.key }.map { ($0.key, .value($0.value, at: position)) })
        }
    }

    /// The value under `key` when the instance is a mapping.
    package func property(_ key: String) -> SchemaInstance? {
        switch self {
        case .node(let node): node[key].map(SchemaInstance.node)
        case .typedNode(let node): node[key].flatMap { $0.isNull ? nil : .typedNode($0) }
        case .mapping(let entries, _): entries.last { $0.key == key }?.value
        case .sequence: nil
        case .value(.object(let object), let at): object[key].map { .value($0, at: at) }
        case .value: nil
        }
    }

    /// Where the key of the entry `key` is written, when the instance is a mapping from a file:
    /// a failure about a property name lands on the key.
    func keyPosition(_ key: String) -> SourcePosition? {
        switch self {
        case .node(let node), .typedNode(let node): node.entry(key)?.key.start
        default: nil
        }
    }

    /// The instance as a plain value (for `const`, `enum`, `uniqueItems`, templates).
    package var value: JSONValue {
        switch self {
        case .node(let node): JSONValue(node)
        case .typedNode(let node): JSONValue(node).withoutNullEntries
        case .mapping(let entries, _):
            .object(Dictionary(entries.map { ($0.key, $0.value.value) }, uniquingKeysWith: { _, last in last }))
        case .sequence(let items, _): .array(items.map(\.value))
        case .value(let value, _): value
        }
    }
}
