/// Turns the stream of parse events into `YAMLNode` trees: one stack of open collections,
/// anchors remembered per document, `<<` merge keys applied when a mapping closes.
struct YAMLTreeBuilder {
    private struct OpenCollection {
        var isMapping: Bool
        var start: SourcePosition
        var anchor: String?
        var children: [YAMLNode] = []
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
        guard let collection = stack.popLast() else { return }
        let content: YAMLNode.Content
        if collection.isMapping {
            content = .mapping(pairEntries(collection.children))
        } else {
            content = .sequence(collection.children)
        }
        add(YAMLNode(content, start: collection.start, end: end), anchor: collection.anchor)
    }

    private mutating func add(_ node: YAMLNode, anchor: String?) {
        if let anchor { anchors[anchor] = node }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    private mutating func pairEntries(_ children: [YAMLNode]) -> [YAMLMappingEntry] {
        var entries: [YAMLMappingEntry] = []
        entries.reserveCapacity(children.count / 2)
        var merged: [YAMLMappingEntry] = []
        var index = 0
        while index + 1 < children.count {
            let key = children[index], value = children[index + 1]
            index += 2
            guard let keyScalar = key.scalar else {
                hasComplexKeys = true
                entries.append(YAMLMappingEntry(key: key, value: value))
                continue
            }
            if keyScalar.text == "<<", keyScalar.style == .plain {
                merged.append(contentsOf: mergeSources(value))
            } else {
                entries.append(YAMLMappingEntry(key: key, value: value))
            }
        }
        // Merge keys never override keys the mapping sets itself; earlier sources win over later ones.
        if !merged.isEmpty {
            var present = Set(entries.compactMap(\.keyText))
            for entry in merged {
                guard let key = entry.keyText, !present.contains(key) else { continue }
                present.insert(key)
                entries.append(entry)
            }
        }
        return entries
    }

    private func mergeSources(_ value: YAMLNode) -> [YAMLMappingEntry] {
        if let entries = value.entries { return entries }
        return (value.items ?? []).flatMap { $0.entries ?? [] }
    }
}
