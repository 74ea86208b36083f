import Manifests

extension Node {
    /// Nodes as documents the policy engine checks directly: the same data, scalar styles and
    /// tags that `YAMLEmitter` writes and the parser would read back, without the text in between.
    static func documents(_ nodes: [Node]) -> [YAMLNode] {
        var placed = 0
        return nodes.compactMap { node in
            var builder = YAMLDocumentBuilder(nodesBefore: placed)
            node.add(to: &builder)
            placed = builder.nodes
            return builder.finish()
        }
    }

    private func add(to builder: inout YAMLDocumentBuilder) {
        switch value {
        case .scalar(let scalar):
            let (style, tag) = Self.style(of: scalar)
            builder.scalar(scalar.text, style: style, tag: tag)
        case .mapping(let entries):
            builder.beginMapping()
            for entry in entries {
                builder.scalar(entry.key, style: YAMLEmitter.isSafePlain(entry.key) ? .plain : .doubleQuoted)
                entry.node.add(to: &builder)
            }
            builder.end()
        case .sequence(let items):
            builder.beginSequence()
            for item in items { item.add(to: &builder) }
            builder.end()
        }
    }

    /// The style `YAMLEmitter.render` writes a scalar in (plain or double-quoted), and its tag.
    private static func style(of scalar: Scalar) -> (YAMLScalar.Style, String?) {
        switch scalar.kind {
        case .plain:
            if scalar.text.isEmpty { return (.plain, nil) }
            let plain =
                !YAMLEmitter.yaml11OnlyBooleans.contains(scalar.text) && YAMLEmitter.isSafePlainSyntax(scalar.text)
            return (plain ? .plain : .doubleQuoted, nil)
        case .string:
            return (YAMLEmitter.isSafePlain(scalar.text) ? .plain : .doubleQuoted, nil)
        case .tagged(let tag):
            return (.doubleQuoted, tag)
        }
    }
}
