/// One node of a parsed YAML document, with the position where its text starts.
///
/// The tree is built straight from libyaml's events (see `YAMLParser`) into one flat
/// `YAMLTree` per document; a node is that tree and an index into it. Scalars keep their text
/// and style and are interpreted on demand; collections hand out their children on demand.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLMappingEntry])
        case sequence([YAMLNode])
    }

    let tree: YAMLTree
    let index: Int32

    init(tree: YAMLTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    var record: YAMLTree.Record { tree.records[Int(index)] }

    public var start: SourcePosition { record.start }
    public var end: SourcePosition { record.end }
    /// Written as an alias (`*name`): its own `start` is the alias, while everything beneath it
    /// has the positions of the anchored node, written elsewhere.
    public var isAlias: Bool { record.isAlias }

    public var content: Content {
        switch record.kind {
        case .scalar: .scalar(tree.scalar(at: index))
        case .mapping: .mapping(entries ?? [])
        case .sequence: .sequence(items ?? [])
        }
    }
}

public struct YAMLMappingEntry: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text when it is a scalar (the only kind of key Kubernetes uses).
    public var keyText: String? { key.scalar?.text }
}

public struct YAMLScalar: Sendable, Hashable {
    public enum Style: UInt8, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var text: String
    public var style: Style
    /// An explicit tag such as `!!str`, when the author wrote one.
    public var tag: String?

    public init(text: String, style: Style = .plain, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }
}
