/// What the parser refuses to read, whoever calls it: every command and the bot read YAML from
/// repositories and registries they do not control, so the limits are on by default and a caller
/// can only raise them on purpose. A document past a limit is one syntax error at the line where
/// the limit was passed; the file's other documents are still read.
package struct YAMLLimits: Sendable, Hashable {
    /// Collections open at once (block and flow together). Readers of the trees recurse, and
    /// libyaml's time grows with the square of flow nesting: parsing stops where the limit is passed.
    package var maximumDepth: Int
    /// Nodes that aliases may add to one document: each alias counts the nodes of what it names,
    /// so a few hundred bytes of nested aliases (an "alias bomb") cannot make a reader walk billions.
    package var maximumAliasedNodes: Int
    /// Bytes in one file or text.
    package var maximumBytes: Int

    package init(maximumDepth: Int = 128, maximumAliasedNodes: Int = 100_000, maximumBytes: Int = 64 << 20) {
        self.maximumDepth = maximumDepth
        self.maximumAliasedNodes = maximumAliasedNodes
        self.maximumBytes = maximumBytes
    }

    package static let standard = YAMLLimits()
}
