extension YAMLNode {
    package var scalar: YAMLScalar? {
        record.kind == .scalar ? tree.scalar(at: index) : nil
    }

    /// The mapping's entries as Kubernetes reads them: a key written twice appears once, with
    /// its last value, where that last occurrence was written.
    package var entries: [YAMLMappingEntry]? {
        let record = record
        guard record.kind == .mapping else { return nil }
        guard tree.hasRepeatedKeys(record) else {
            return (0..<Int(record.count)).map { entry(at: Int(record.first) + 2 * $0) }
        }
        let overridden = Set(
            YAMLTree.repeatedKeys(
                first: Int(record.first), count: Int(record.count), records: tree.records,
                links: tree.links, text: tree.text
            ).map(\.earlier))
        return (0..<Int(record.count)).map { Int(record.first) + 2 * $0 }.filter { !overridden.contains($0) }.map(
            entry(at:))
    }

    /// Every entry as written, a key written twice included twice (the repeat is what counts).
    package var entriesAsWritten: [YAMLMappingEntry]? {
        let record = record
        guard record.kind == .mapping else { return nil }
        return (0..<Int(record.count)).map { entry(at: Int(record.first) + 2 * $0) }
    }

    package var items: [YAMLNode]? {
        let record = record
        guard record.kind == .sequence else { return nil }
        return tree.links[Int(record.first)..<Int(record.first + record.count)].map { YAMLNode(tree: tree, index: $0) }
    }

    package var isMapping: Bool { record.kind == .mapping }
    package var isSequence: Bool { record.kind == .sequence }

    /// The entry under `key` when this node is a mapping. A key written twice yields its last
    /// occurrence: the value the API server would use (Kubernetes' decoders keep the last).
    package func entry(_ key: String) -> YAMLMappingEntry? {
        let record = record
        guard record.kind == .mapping else { return nil }
        let first = Int(record.first)
        var link = first + 2 * Int(record.count) - 2
        while link >= first {
            if tree.isScalar(tree.links[link], spelling: key) { return entry(at: link) }
            link -= 2
        }
        return nil
    }

    package subscript(key: String) -> YAMLNode? { entry(key)?.value }

    /// Follows a path of mapping keys: `node["spec", "template", "spec"]`.
    package subscript(first: String, rest: String...) -> YAMLNode? {
        var node = self[first]
        for key in rest { node = node?[key] }
        return node
    }

    /// The text of a scalar that is not null.
    package var string: String? {
        let record = record
        guard record.kind == .scalar, !tree.isNullScalar(index) else { return nil }
        return tree.string(record)
    }

    package var bool: Bool? { scalar?.bool }
    package var int: Int? { scalar?.int }

    /// True when the node is absent-equivalent: a null scalar.
    package var isNull: Bool { tree.isNullScalar(index) }

    /// The mapping's string entries (labels, annotations, selectors).
    package var stringMap: [String: String] {
        let record = record
        guard record.kind == .mapping, record.count > 0 else { return [:] }
        var map: [String: String] = [:]
        var link = Int(record.first)
        for _ in 0..<Int(record.count) {
            let key = tree.links[link]
            let value = tree.links[link + 1]
            let keyRecord = tree.records[Int(key)]
            let valueRecord = tree.records[Int(value)]
            if keyRecord.kind == .scalar, valueRecord.kind == .scalar, !tree.isNullScalar(value) {
                map[tree.string(keyRecord)] = tree.string(valueRecord)
            }
            link += 2
        }
        return map
    }

    /// The entry whose key is at `link` in the tree's links.
    private func entry(at link: Int) -> YAMLMappingEntry {
        YAMLMappingEntry(
            key: YAMLNode(tree: tree, index: tree.links[link]), value: YAMLNode(tree: tree, index: tree.links[link + 1])
        )
    }
}
