extension YAMLNode {
    /// A copy of the node in a tree of its own, without the mapping entries `isDropped` names by
    /// their path below the node (each with everything under it). Sequence items always stay, so
    /// indices mean what they meant; positions are the original ones, so what is looked up in the
    /// copy anchors where it did. Keeping a pruned copy lets the document's own tree go.
    package func pruned(dropping isDropped: (_ path: [DocumentPath.Component]) -> Bool) -> YAMLNode {
        var copier = YAMLTreeCopier(source: tree)
        let root = copier.copy(index, isDropped: isDropped)
        return YAMLNode(tree: copier.tree, index: root)
    }
}

/// Copies nodes of one tree into a new, smaller one.
private struct YAMLTreeCopier {
    let source: YAMLTree
    private var records: [YAMLTree.Record] = []
    private var links: [Int32] = []
    private var text: [UInt8] = []
    private var tags: [Int32: String] = [:]
    private var repeatedKeyRuns: Set<Int32> = []
    private var path: [DocumentPath.Component] = []

    init(source: YAMLTree) {
        self.source = source
    }

    var tree: YAMLTree {
        YAMLTree(records: records, links: links, text: text, tags: tags, repeatedKeyRuns: repeatedKeyRuns)
    }

    mutating func copy(_ index: Int32, isDropped: (_ path: [DocumentPath.Component]) -> Bool) -> Int32 {
        var record = source.records[Int(index)]
        switch record.kind {
        case .scalar:
            let start = text.count
            text += source.text[Int(record.first)..<Int(record.first + record.count)]
            record.first = Int32(start)
        case .sequence:
            var children: [Int32] = []
            children.reserveCapacity(Int(record.count))
            for item in 0..<Int(record.count) {
                path.append(.index(item))
                children.append(copy(source.links[Int(record.first) + item], isDropped: isDropped))
                path.removeLast()
            }
            record.first = Int32(links.count)
            links += children
        case .mapping:
            var children: [Int32] = []
            for entry in 0..<Int(record.count) {
                let key = source.links[Int(record.first) + 2 * entry]
                let value = source.links[Int(record.first) + 2 * entry + 1]
                let keyRecord = source.records[Int(key)]
                if keyRecord.kind == .scalar {
                    path.append(.key(source.string(keyRecord)))
                    defer { path.removeLast() }
                    if isDropped(path) { continue }
                    children.append(copy(key, isDropped: isDropped))
                    children.append(copy(value, isDropped: isDropped))
                } else {
                    children.append(copy(key, isDropped: isDropped))
                    children.append(copy(value, isDropped: isDropped))
                }
            }
            if source.repeatedKeyRuns.contains(record.first) { repeatedKeyRuns.insert(Int32(links.count)) }
            record.first = Int32(links.count)
            record.count = Int32(children.count / 2)
            links += children
        }
        let copied = Int32(records.count)
        records.append(record)
        if !source.tags.isEmpty, let tag = source.tags[index] { tags[copied] = tag }
        return copied
    }
}
