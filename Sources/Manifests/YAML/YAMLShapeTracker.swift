/// Follows the shape of a document whose tree is not built (see `YAMLParseOptions.buildsTrees`):
/// enough to say what the tree builder would have said without the nodes, namely whether some
/// mapping key is a collection, and whether an alias names an anchor defined before it.
struct YAMLShapeTracker {
    private struct OpenCollection {
        /// A mapping's next node is a key; nil for a sequence.
        var awaitingKey: Bool?
        var anchor: String?
    }

    private var stack: [OpenCollection] = []
    /// Anchors defined so far, and whether each names a collection. As in the tree builder, a
    /// collection's anchor is defined when the collection closes.
    private var anchors: [String: Bool] = [:]
    private(set) var hasComplexKeys = false

    mutating func beginDocument() {
        stack.removeAll(keepingCapacity: true)
        anchors.removeAll(keepingCapacity: true)
    }

    mutating func scalar(anchor: String?) {
        node(isCollection: false)
        if let anchor { anchors[anchor] = false }
    }

    /// Returns false when the alias names no anchor seen before it.
    mutating func alias(_ name: String) -> Bool {
        guard let isCollection = anchors[name] else { return false }
        node(isCollection: isCollection)
        return true
    }

    mutating func open(isMapping: Bool, anchor: String?) {
        node(isCollection: true)
        stack.append(OpenCollection(awaitingKey: isMapping ? true : nil, anchor: anchor))
    }

    mutating func close() {
        guard let collection = stack.popLast() else { return }
        if let anchor = collection.anchor { anchors[anchor] = true }
    }

    /// One node in the enclosing collection: in a mapping, keys and values alternate, and a
    /// collection in a key's place is a complex key.
    private mutating func node(isCollection: Bool) {
        guard let last = stack.last, let awaitingKey = last.awaitingKey else { return }
        if awaitingKey && isCollection { hasComplexKeys = true }
        stack[stack.count - 1].awaitingKey = !awaitingKey
    }
}
