/// Turns the stream of parse events into `YAMLNode` trees: one stack of open collections,
/// anchors remembered per document, `<<` merge keys applied when a mapping closes.
struct YAMLTreeBuilder {
    private struct OpenCollection {
        var isMapping: Bool
        var start: SourcePosition
        var anchor: String?
        var items: [YAMLNode] = []
        var entries: [YAMLMappingEntry] = []
        /// A mapping's key, waiting for its value.
        var pendingKey: YAMLNode?
        var merged: [YAMLMappingEntry] = []
    }

    private var stack: [OpenCollection] = []
    private var anchors: [String: YAMLNode] = [:]
    private(set) var root: YAMLNode?
    private(set) var hasComplexKeys = false

    mutating func beginDocument() {
        stack.removeAll(keepingCapacity: true)
        anchors.removeAll(keepingCapacity: true)
        root = nil
    }

    mutating func scalar(_ scalar: YAMLScalar, anchor: String?, start: SourcePosition, end: SourcePosition) {
        add(YAMLNode(.scalar(scalar), start: start, end: end), anchor: anchor)
    }

    /// Returns false when the alias names no anchor seen before it.
    mutating func alias(_ name: String, start: SourcePosition, end: SourcePosition) -> Bool {
        guard var node = anchors[name] else { return false }
        node.start = start
        node.end = end
        add(node, anchor: nil)
        return true
    }

    mutating func open(isMapping: Bool, anchor: String?, start: SourcePosition) {
        stack.append(OpenCollection(isMapping: isMapping, start: start, anchor: anchor))
    }

    mutating func close(end: SourcePosition) {
        guard var collection = stack.popLast() else { return }
        let content: YAMLNode.Content
        if collection.isMapping {
            if !collection.merged.isEmpty { applyMerges(&collection) }
            content = .mapping(collection.entries)
        } else {
            content = .sequence(collection.items)
        }
        add(YAMLNode(content, start: collection.start, end: end), anchor: collection.anchor)
    }

    /// True when the collection about to open is the top-level `spec` of a kind whose spec is
    /// skipped; the pending key is dropped with it.
    mutating func skipsNextValue(_ options: YAMLParseOptions) -> Bool {
        guard !options.skipSpecOfKinds.isEmpty, stack.count == 1, stack[0].isMapping,
              stack[0].pendingKey?.scalar?.text == "spec",
              let kind = stack[0].entries.first(where: { $0.keyText == "kind" })?.value.scalar?.text,
              options.skipSpecOfKinds.contains(kind) else { return false }
        stack[0].pendingKey = nil
        return true
    }

    private mutating func add(_ node: YAMLNode, anchor: String?) {
        if let anchor { anchors[anchor] = node }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            stack[top].pendingKey = node
            return
        }
        stack[top].pendingKey = nil
        if let keyScalar = key.scalar {
            if keyScalar.text == "<<", keyScalar.style == .plain {
                stack[top].merged.append(contentsOf: mergeSources(node))
                return
            }
        } else {
            hasComplexKeys = true
        }
        stack[top].entries.append(YAMLMappingEntry(key: key, value: node))
    }

    /// Merge keys never override keys the mapping sets itself; earlier sources win over later ones.
    private func applyMerges(_ collection: inout OpenCollection) {
        var present = Set(collection.entries.compactMap(\.keyText))
        for entry in collection.merged {
            guard let key = entry.keyText, !present.contains(key) else { continue }
            present.insert(key)
            collection.entries.append(entry)
        }
    }

    private func mergeSources(_ value: YAMLNode) -> [YAMLMappingEntry] {
        if let entries = value.entries { return entries }
        return (value.items ?? []).flatMap { $0.entries ?? [] }
    }
}
