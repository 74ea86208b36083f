/// Follows the shape of a document whose tree is not built (see `YAMLParseOptions.buildsTrees`):
/// enough to say what the tree builder would have said without the nodes, namely whether some
/// mapping key is a collection, and whether an alias names an anchor defined before it.
struct YAMLShapeTracker {
    /// Open collections: whether each is a mapping whose next node is a key.
    private var awaitingKey: [Bool?] = []
    private var anchors: Set<String> = []
    private(set) var hasComplexKeys = false

    mutating func beginDocument() {
        awaitingKey.removeAll(keepingCapacity: true)
        anchors.removeAll(keepingCapacity: true)
    }

    mutating func scalar(anchor: String?) {
        if let anchor { anchors.insert(anchor) }
        advance()
    }

    /// Returns false when the alias names no anchor seen before it.
    mutating func alias(_ name: String) -> Bool {
        guard anchors.contains(name) else { return false }
        advance()
        return true
    }

    mutating func open(isMapping: Bool, anchor: String?) {
        if let anchor { anchors.insert(anchor) }
        if awaitingKey.last == true { hasComplexKeys = true }
        advance()
        awaitingKey.append(isMapping ? true : nil)
    }

    mutating func close() {
        _ = awaitingKey.popLast()
    }

    /// One node done in the enclosing collection: in a mapping, keys and values alternate.
    private mutating func advance() {
        guard let last = awaitingKey.last, let expectsKey = last else { return }
        awaitingKey[awaitingKey.count - 1] = !expectsKey
    }
}
