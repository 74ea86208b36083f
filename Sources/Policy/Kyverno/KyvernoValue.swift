import Manifests

/// A JSON value as Kyverno sees a resource, a policy or a JMESPath result, with where it was
/// written when it comes from a file (values a JMESPath expression makes have no origin).
struct KyvernoValue: Sendable {
    indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([KyvernoValue])
        case object([Entry])
    }

    struct Entry: Sendable {
        var key: String
        var value: KyvernoValue
    }

    /// Where a value was written: the line a finding is placed on, and its path in the document.
    struct Origin: Sendable {
        var position: SourcePosition
        var path: DocumentPath
    }

    /// A value made in memory, or a YAML node read one level at a time when asked: a rule
    /// looks at a few fields of a resource, so the rest of it is never converted.
    private enum Storage: Sendable {
        case value(Kind)
        case node(YAMLNode)
    }

    private var storage: Storage
    var origin: Origin?

    init(_ kind: Kind, origin: Origin? = nil) {
        storage = .value(kind)
        self.origin = origin
    }

    var kind: Kind {
        switch storage {
        case .value(let kind): return kind
        case .node(let node): return Self.level(of: node, path: origin?.path ?? .root)
        }
    }

    static let null = KyvernoValue(.null)

    subscript(key: String) -> KyvernoValue? {
        if case .node(let node) = storage {
            guard node.isMapping, let entry = node.entry(key) else { return nil }
            return KyvernoValue(
                node: entry.value, path: (origin?.path ?? .root).appending(key), position: entry.key.start)
        }
        guard case .object(let entries) = kind else { return nil }
        return entries.first { $0.key == key }?.value
    }

    var isNull: Bool {
        if case .node(let node) = storage, node.isMapping || node.isSequence { return false }
        if case .null = kind { return true }
        return false
    }
    var string: String? { if case .string(let text) = kind { text } else { nil } }
    var array: [KyvernoValue]? { if case .array(let items) = kind { items } else { nil } }
    var entries: [Entry]? { if case .object(let entries) = kind { entries } else { nil } }

    /// JMESPath's falsy values: null, false, "", [] and {}.
    var isFalsy: Bool {
        switch kind {
        case .null: true
        case .bool(let value): !value
        case .string(let text): text.isEmpty
        case .array(let items): items.isEmpty
        case .object(let entries): entries.isEmpty
        case .int, .double: false
        }
    }

    /// The value as Go's `fmt.Sprint` writes it, which Kyverno's set operators compare.
    var printed: String {
        switch kind {
        case .null: "<nil>"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value):
            value == value.rounded(.towardZero) && abs(value) < 1e21 ? String(Int(value)) : String(value)
        case .string(let text): text
        case .array(let items): "[" + items.map(\.printed).joined(separator: " ") + "]"
        case .object(let entries):
            "map[" + entries.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.printed)" }.joined(separator: " ")
                + "]"
        }
    }

    /// Structural equality, numbers compared by value (JMESPath's and Go's `DeepEqual` on JSON).
    func equals(_ other: KyvernoValue) -> Bool {
        switch (kind, other.kind) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.int, _), (.double, _):
            guard let a = number, let b = other.number else { return false }
            return a == b
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.equals($1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && a.allSatisfy { entry in other[entry.key].map { entry.value.equals($0) } ?? false }
        default: return false
        }
    }

    var number: Double? {
        switch kind {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }
}

extension KyvernoValue {
    /// Converts a YAML tree the way Kubernetes reads YAML into JSON: plain scalars are typed
    /// (YAML 1.1 booleans, integers, floats, null), quoted ones are strings. A mapping entry's
    /// value is placed on its key's line, so a finding names the line a person reads.
    init(node: YAMLNode, path: DocumentPath, position: SourcePosition? = nil) {
        storage = .node(node)
        origin = Origin(position: position ?? node.start, path: path)
    }

    private static func level(of node: YAMLNode, path: DocumentPath) -> Kind {
        switch node.content {
        case .scalar(let scalar):
            return typed(scalar)
        case .sequence(let items):
            return .array(
                items.enumerated().map { index, item in KyvernoValue(node: item, path: path.appending(index: index)) })
        case .mapping(let entries):
            // A repeated key: the last one counts, as `YAMLNode.entry` reads it.
            var seen = Set<String>()
            var converted: [Entry] = []
            for entry in entries.reversed() {
                guard let key = entry.keyText, seen.insert(key).inserted else { continue }
                converted.append(
                    Entry(
                        key: key,
                        value: KyvernoValue(node: entry.value, path: path.appending(key), position: entry.key.start)))
            }
            return .object(converted.reversed())
        }
    }

    static func typed(_ scalar: YAMLScalar) -> Kind {
        if let tag = scalar.tag, tag.hasSuffix(":str") { return .string(scalar.text) }
        guard scalar.style == .plain else { return .string(scalar.text) }
        if scalar.isNull { return .null }
        if let bool = scalar.bool { return .bool(bool) }
        if let int = scalar.int { return .int(int) }
        let text = scalar.text
        if text.contains(where: \.isNumber), !text.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }),
            let double = Double(text)
        {
            return .double(double)
        }
        return .string(text)
    }

    /// A JSON text (a JMESPath literal) read with the YAML reader, JSON being YAML.
    static func parseJSON(_ text: String) -> KyvernoValue? {
        let stream = YAMLParser.parse(text)
        guard stream.errors.isEmpty else { return nil }
        guard let root = stream.documents.first?.root else { return .null }
        return KyvernoValue(node: root, path: .root).withoutOrigins
    }

    /// The same value converted throughout, for values read many times (a policy's patterns).
    var materialized: KyvernoValue {
        switch kind {
        case .array(let items): KyvernoValue(.array(items.map(\.materialized)), origin: origin)
        case .object(let entries):
            KyvernoValue(.object(entries.map { Entry(key: $0.key, value: $0.value.materialized) }), origin: origin)
        case let kind: KyvernoValue(kind, origin: origin)
        }
    }

    /// The same value with no origins: a literal written in a policy is not a place in a resource.
    var withoutOrigins: KyvernoValue {
        switch kind {
        case .array(let items): KyvernoValue(.array(items.map(\.withoutOrigins)))
        case .object(let entries):
            KyvernoValue(.object(entries.map { Entry(key: $0.key, value: $0.value.withoutOrigins) }))
        default: KyvernoValue(kind)
        }
    }
}
