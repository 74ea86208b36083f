/// A key a mapping sets twice. Kubernetes' decoders keep the last value (or refuse the object),
/// so an earlier `privileged: false` can make a reader miss a later `privileged: true`.
package struct YAMLDuplicateKey: Sendable, Hashable {
    package var key: String
    /// The occurrence whose value counts: the later one.
    package var position: SourcePosition
    /// The occurrence before it, whose value is ignored.
    package var earlier: SourcePosition
    /// Where the key sits, from the node that was asked.
    package var path: DocumentPath
}

extension YAMLNode {
    /// Every key set twice in a mapping under this node (this node included), in document order.
    /// Costs nothing in a document without repeated keys; an aliased mapping is reported once,
    /// where it is written.
    package var duplicateKeys: [YAMLDuplicateKey] {
        guard !tree.repeatedKeyRuns.isEmpty else { return [] }
        var found: [YAMLDuplicateKey] = []
        var visitedRuns = Set<Int32>()
        var pending: [(index: Int32, path: DocumentPath)] = [(index, .root)]
        while let (index, path) = pending.popLast() {
            let record = tree.records[Int(index)]
            guard record.kind != .scalar, record.count > 0, visitedRuns.insert(record.first).inserted else { continue }
            let first = Int(record.first)
            if record.kind == .sequence {
                for item in (0..<Int(record.count)).reversed() {
                    pending.append((tree.links[first + item], path.appending(index: item)))
                }
                continue
            }
            if tree.hasRepeatedKeys(record) {
                for repeated in YAMLTree.repeatedKeys(
                    first: first, count: Int(record.count), records: tree.records, links: tree.links, text: tree.text)
                {
                    let key = tree.string(tree.records[Int(tree.links[repeated.later])])
                    found.append(
                        YAMLDuplicateKey(
                            key: key, position: tree.records[Int(tree.links[repeated.later])].start,
                            earlier: tree.records[Int(tree.links[repeated.earlier])].start, path: path.appending(key)))
                }
            }
            for entry in (0..<Int(record.count)).reversed() {
                let key = tree.records[Int(tree.links[first + 2 * entry])]
                guard key.kind == .scalar else { continue }
                pending.append((tree.links[first + 2 * entry + 1], path.appending(tree.string(key))))
            }
        }
        return found.sorted { $0.position < $1.position }
    }
}
