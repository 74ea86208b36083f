/// One node of a parsed YAML document, with the position where its text starts.
///
/// The tree is built straight from libyaml's events (see `YAMLParser`) into one flat
/// `YAMLTree` per document; a node is that tree and an index into it. Scalars keep their text
/// and style and are interpreted on demand; collections hand out their children on demand.
package struct YAMLNode: Sendable {
    package enum Content: Sendable {
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

    package var start: SourcePosition { record.start }
    package var end: SourcePosition { record.end }
    /// Written as an alias (`*name`): its own `start` is the alias, while everything beneath it
    /// has the positions of the anchored node, written elsewhere.
    package var isAlias: Bool { record.isAlias }

    package var content: Content {
        switch record.kind {
        case .scalar: .scalar(tree.scalar(at: index))
        case .mapping: .mapping(entries ?? [])
        case .sequence: .sequence(items ?? [])
        }
    }
}

package struct YAMLMappingEntry: Sendable {
    package var key: YAMLNode
    package var value: YAMLNode

    package init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text when it is a scalar (the only kind of key Kubernetes uses).
    package var keyText: String? { key.scalar?.text }
}

package struct YAMLScalar: Sendable, Hashable {
    package enum Style: UInt8, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    package var text: String
    package var style: Style
    /// An explicit tag such as `!!str`, when the author wrote one.
    package var tag: String?

    package init(text: String, style: Style = .plain, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }
}
