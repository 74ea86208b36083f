import Manifests
import Policy

/// Helm values as a tree, each node knowing where it was written (`nil` for a chart's own
/// defaults in a chart that is not in the repository). Maps keep their order of writing.
struct ValuesTree: Sendable {
    enum Scalar: Sendable, Hashable {
        case null
        case bool(Bool)
        /// A number as its text (JSON's spelling).
        case number(String)
        case string(String)
    }

    enum Content: Sendable {
        case map([(key: String, value: ValuesTree)])
        case list([ValuesTree])
        case scalar(Scalar)
    }

    var content: Content
    /// The key line (or list item) that wrote this value.
    var origin: SourceLocation?

    static let emptyMap = ValuesTree(content: .map([]), origin: nil)

    /// The tree of a YAML node; `file` nil means the values are not the repository's to change.
    /// Depth is bounded: values deeper than `maximumDepth` are dropped, as the YAML reader bounds them.
    init(
        yaml node: YAMLNode, file: String?, shift: PositionShift = PositionShift(), origin: SourcePosition? = nil,
        depth: Int = 0
    ) {
        self.origin = file.map { SourceLocation(file: $0, position: shift.apply(origin ?? node.start)) }
        guard depth < Self.maximumDepth else {
            content = .scalar(.null)
            return
        }
        switch node.content {
        case .scalar(let scalar):
            content = .scalar(Self.interpret(scalar))
        case .sequence(let items):
            content = .list(items.map { ValuesTree(yaml: $0, file: file, shift: shift, depth: depth + 1) })
        case .mapping(let entries):
            content = .map(
                entries.compactMap { entry in
                    guard let key = entry.keyText else { return nil }
                    return (
                        key,
                        ValuesTree(
                            yaml: entry.value, file: file, shift: shift, origin: entry.key.start, depth: depth + 1)
                    )
                })
        }
    }

    init(content: Content, origin: SourceLocation?) {
        self.content = content
        self.origin = origin
    }

    static let maximumDepth = 64

    /// How Helm's YAML reader (YAML 1.1 plain scalars) types a scalar.
    static func interpret(_ scalar: YAMLScalar) -> Scalar {
        if scalar.tag == "tag:yaml.org,2002:str" || scalar.style != .plain { return .string(scalar.text) }
        if scalar.isNull { return .null }
        if let bool = scalar.bool { return .bool(bool) }
        if let number = Self.number(scalar.text) { return .number(number) }
        return .string(scalar.text)
    }

    /// The JSON spelling of a YAML number, or nil when the text is not one.
    private static func number(_ text: String) -> String? {
        if let int = Int(text) { return String(int) }
        if text.hasPrefix("+"), let int = Int(text.dropFirst()) { return String(int) }
        guard text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), text.first != ".",
            let double = Double(text), double.isFinite
        else { return nil }
        return text.hasPrefix("+") ? String(text.dropFirst()) : text
    }

    subscript(key: String) -> ValuesTree? {
        guard case .map(let entries) = content else { return nil }
        return entries.last { $0.key == key }?.value
    }

    var isMap: Bool {
        if case .map = content { return true }
        return false
    }

    /// `overlay` laid over this tree as Helm and Flux merge values: maps merge key by key, any
    /// other value replaces; a null deletes the key.
    func merging(_ overlay: ValuesTree) -> ValuesTree {
        guard case .map(let base) = content, case .map(let over) = overlay.content else { return overlay }
        var merged = base
        for (key, value) in over {
            let index = merged.firstIndex { $0.key == key }
            if case .scalar(.null) = value.content {
                if let index { merged.remove(at: index) }
                continue
            }
            if let index {
                merged[index].value = merged[index].value.merging(value)
            } else {
                merged.append((key, value))
            }
        }
        return ValuesTree(content: .map(merged), origin: overlay.origin ?? origin)
    }

    /// This tree placed under a dotted path (`valuesFrom.targetPath: a.b`).
    func placed(at dottedPath: String) -> ValuesTree {
        dottedPath.split(separator: ".").reversed().reduce(self) { tree, key in
            ValuesTree(content: .map([(String(key), tree)]), origin: tree.origin)
        }
    }
}
