/// Turns the stream of parse events into one `YAMLTree` per document: one stack of open
/// collections, anchors remembered per document, `<<` merge keys applied when a mapping closes.
///
/// The children of open collections wait, in order, on one shared stack; a collection that
/// closes moves its run of children to the tree's links in one go.
struct YAMLTreeBuilder {
    private struct OpenCollection {
        var record: Int32
        var isMapping: Bool
        var anchor: String?
        /// Where this collection's children start in `pending`.
        var pendingBase: Int
        /// A mapping's key is waiting for its value.
        var awaitingValue = false
        /// The values of this mapping's `<<` keys.
        var mergeSources: [Int32] = []
        /// `expandedNodes` once this collection was counted.
        var expandedAtOpen: Int
    }

    private var records: [YAMLTree.Record] = []
    private var links: [Int32] = []
    private var text: [UInt8] = []
    private var tags: [Int32: String] = [:]
    private var pending: [Int32] = []
    private var stack: [OpenCollection] = []
    private var anchors: [String: Int32] = [:]
    private var rootIndex: Int32?
    /// The link runs (`Record.first`) of mappings that set a key twice.
    private var repeatedKeyRuns: Set<Int32> = []
    /// Nodes of the document with every alias replaced by what it names, and the size of each
    /// anchored node so counted: an alias adds what it names without walking it.
    private var expandedNodes = 0
    private var anchoredSizes: [Int32: Int] = [:]
    /// Nodes the document's aliases stand for (see `YAMLLimits.maximumAliasedNodes`).
    private(set) var aliasedNodes = 0
    private(set) var hasComplexKeys = false

    mutating func beginDocument() {
        records.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        tags.removeAll()
        pending.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        anchors.removeAll()
        repeatedKeyRuns.removeAll()
        expandedNodes = 0
        anchoredSizes.removeAll()
        aliasedNodes = 0
        rootIndex = nil
    }

    /// The document's root, in a tree of its own sized to fit.
    mutating func finishDocument() -> YAMLNode? {
        guard let rootIndex else { return nil }
        let tree = YAMLTree(
            records: records.withUnsafeBufferPointer { Array($0) },
            links: links.withUnsafeBufferPointer { Array($0) },
            text: text.withUnsafeBufferPointer { Array($0) },
            tags: tags, repeatedKeyRuns: repeatedKeyRuns)
        return YAMLNode(tree: tree, index: rootIndex)
    }

    mutating func scalar(
        _ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalar.Style, tag: String?, anchor: String?,
        start: SourcePosition, end: SourcePosition
    ) {
        let index = Int32(records.count)
        records.append(
            YAMLTree.Record(
                kind: .scalar, style: style, first: Int32(text.count), count: Int32(bytes.count), start: start, end: end
            ))
        text.append(contentsOf: bytes)
        if let tag { tags[index] = tag }
        expandedNodes += 1
        if anchor != nil { anchoredSizes[index] = 1 }
        add(index, anchor: anchor)
    }

    /// Returns false when the alias names no anchor seen before it.
    mutating func alias(_ name: String, start: SourcePosition, end: SourcePosition) -> Bool {
        guard let target = anchors[name] else { return false }
        // The alias shares the anchored node's contents and has its own position.
        var record = records[Int(target)]
        record.start = start
        record.end = end
        record.isAlias = true
        let index = Int32(records.count)
        records.append(record)
        if let tag = tags[target] { tags[index] = tag }
        let size = anchoredSizes[target] ?? 1
        expandedNodes += size
        aliasedNodes += size
        add(index, anchor: nil)
        return true
    }

    mutating func open(isMapping: Bool, anchor: String?, start: SourcePosition) {
        let index = Int32(records.count)
        records.append(
            YAMLTree.Record(
                kind: isMapping ? .mapping : .sequence, style: .plain, first: 0, count: 0, start: start, end: start))
        expandedNodes += 1
        stack.append(
            OpenCollection(
                record: index, isMapping: isMapping, anchor: anchor, pendingBase: pending.count,
                expandedAtOpen: expandedNodes))
    }

    mutating func close(end: SourcePosition) {
        guard let collection = stack.popLast() else { return }
        let first = Int32(links.count)
        links.append(contentsOf: pending[collection.pendingBase...])
        pending.removeSubrange(collection.pendingBase...)
        if collection.isMapping, links.count - Int(first) >= 4,
            !YAMLTree.repeatedKeys(
                first: Int(first), count: (links.count - Int(first)) / 2, records: records, links: links, text: text
            ).isEmpty
        {
            repeatedKeyRuns.insert(first)
        }
        if !collection.mergeSources.isEmpty { appendMerges(collection, from: Int(first)) }
        let count = Int32(links.count) - first
        records[Int(collection.record)].first = first
        records[Int(collection.record)].count = collection.isMapping ? count / 2 : count
        records[Int(collection.record)].end = end
        if collection.anchor != nil { anchoredSizes[collection.record] = expandedNodes - collection.expandedAtOpen + 1 }
        add(collection.record, anchor: collection.anchor)
    }

    /// True when the collection about to open is the top-level `spec` of a kind whose spec is
    /// skipped; the pending key is dropped with it.
    mutating func skipsNextValue(_ options: YAMLParseOptions) -> Bool {
        guard !options.skipSpecOfKinds.isEmpty, stack.count == 1, stack[0].isMapping, stack[0].awaitingValue,
            let key = pending.last, isScalar(key, "spec"),
            let kind = rootValue(of: "kind"), options.skipSpecOfKinds.contains(kind)
        else { return false }
        pending.removeLast()
        stack[0].awaitingValue = false
        return true
    }

    private mutating func add(_ index: Int32, anchor: String?) {
        if let anchor { anchors[anchor] = index }
        guard !stack.isEmpty else {
            rootIndex = index
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            pending.append(index)
            return
        }
        guard stack[top].awaitingValue else {
            pending.append(index)
            stack[top].awaitingValue = true
            return
        }
        stack[top].awaitingValue = false
        let key = pending[pending.count - 1]
        let keyRecord = records[Int(key)]
        if keyRecord.kind != .scalar {
            hasComplexKeys = true
        } else if keyRecord.style == .plain, isScalar(key, "<<") {
            pending.removeLast()
            stack[top].mergeSources.append(index)
            return
        }
        pending.append(index)
    }

    /// Merge keys never override keys the mapping sets itself; earlier sources win over later ones.
    private mutating func appendMerges(_ collection: OpenCollection, from first: Int) {
        var present = Set<String>()
        for link in stride(from: first, to: links.count, by: 2) where records[Int(links[link])].kind == .scalar {
            present.insert(string(links[link]))
        }
        for source in collection.mergeSources {
            for mapping in mergedMappings(source) {
                let record = records[Int(mapping)]
                // Within one source a key written twice counts with its last value, as everywhere.
                var taken: [Int] = []
                for link in stride(
                    from: Int(record.first) + 2 * Int(record.count) - 2, through: Int(record.first), by: -2)
                {
                    let key = links[link]
                    guard records[Int(key)].kind == .scalar, present.insert(string(key)).inserted else { continue }
                    taken.append(link)
                }
                for link in taken.reversed() {
                    links.append(links[link])
                    links.append(links[link + 1])
                }
            }
        }
    }

    /// A merge value is a mapping, or a sequence of mappings.
    private func mergedMappings(_ source: Int32) -> [Int32] {
        let record = records[Int(source)]
        switch record.kind {
        case .mapping: return [source]
        case .sequence:
            return links[Int(record.first)..<Int(record.first + record.count)].filter {
                records[Int($0)].kind == .mapping
            }
        case .scalar: return []
        }
    }

    /// The text of a scalar value of the root mapping's key `key`, among the entries read so far.
    private func rootValue(of key: String) -> String? {
        let base = stack[0].pendingBase
        for link in stride(from: base, to: pending.count - 1, by: 2) where isScalar(pending[link], key) {
            let value = pending[link + 1]
            return records[Int(value)].kind == .scalar ? string(value) : nil
        }
        return nil
    }

    private func isScalar(_ index: Int32, _ spelling: String) -> Bool {
        YAMLTree.isScalar(records[Int(index)], spelling: spelling, in: text)
    }

    private func string(_ index: Int32) -> String {
        YAMLTree.string(records[Int(index)], in: text)
    }
}
