/// One node of a parsed YAML document, with the position where its text starts.
///
/// The tree is built straight from libyaml's events (see `YAMLParser`), lighter than a general
/// YAML library's node type: scalars keep their text and style and are interpreted on demand.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLMappingEntry])
        case sequence([YAMLNode])
    }

    public var content: Content
    public var start: SourcePosition
    public var end: SourcePosition

    public init(_ content: Content, start: SourcePosition, end: SourcePosition) {
        self.content = content
        self.start = start
        self.end = end
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
    public enum Style: Sendable, Hashable {
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
