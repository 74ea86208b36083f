import Manifests
import Policy

/// A values key in a file, by document and key path rather than by position, so it is found
/// again after other edits moved the lines.
struct ValuesPlace: Sendable, CustomStringConvertible {
    var document: Int
    /// Keys and, inside lists (a kustomize patch's `containers:`), item indexes.
    var path: [DocumentPath.Component]
    var isScalar: Bool
    var isMapping: Bool

    var description: String { DocumentPath(path).description }

    /// The key written at `origin` (its key's position), or the list item starting there, when the
    /// file holds one; YAML inside a block scalar (a ConfigMap's `values.yaml: |`) has no key at
    /// that position and is not edited. A list item of a mapping starts where its first key does:
    /// `item` says which of the two is meant.
    static func find(_ origin: SourceLocation, item: Bool = false, source: PolicyEngine.FileSource) -> ValuesPlace? {
        guard let bytes = try? source(origin.file) else { return nil }
        for document in YAMLParser.parse(bytes: bytes).documents {
            guard let root = document.root, let found = search(root, for: origin.position, item: item, path: []) else {
                continue
            }
            return ValuesPlace(
                document: document.index, path: found.path, isScalar: found.node.scalar != nil,
                isMapping: found.node.isMapping)
        }
        return nil
    }

    private static func search(
        _ node: YAMLNode, for position: SourcePosition, item wantsItem: Bool, path: [DocumentPath.Component],
        depth: Int = 0
    ) -> (path: [DocumentPath.Component], node: YAMLNode)? {
        guard depth < 64 else { return nil }
        if let items = node.items {
            for (index, item) in items.enumerated() where item.start.line <= position.line {
                let startsHere = item.start.line == position.line && item.start.column == position.column
                if startsHere, wantsItem || !item.isMapping { return (path + [.index(index)], item) }
                if let found = search(
                    item, for: position, item: wantsItem, path: path + [.index(index)], depth: depth + 1)
                {
                    return found
                }
            }
            return nil
        }
        guard let entries = node.entries else { return nil }
        for entry in entries {
            guard let key = entry.keyText else { continue }
            if entry.key.start.line == position.line, entry.key.start.column == position.column {
                return (path + [.key(key)], entry.value)
            }
            if entry.key.start.line <= position.line,
                let found = search(
                    entry.value, for: position, item: wantsItem, path: path + [.key(key)], depth: depth + 1)
            {
                return found
            }
        }
        return nil
    }

    /// The node at this place in a fresh parse, with its parent mapping and key (no key for a list item).
    func locate(in stream: YAMLStream) -> (node: YAMLNode, parent: YAMLNode?, key: String?)? {
        guard var node = stream.documents.first(where: { $0.index == document })?.root else { return nil }
        var parent: YAMLNode?
        var key: String?
        for component in path {
            let next: YAMLNode?
            switch component {
            case .key(let name):
                next = node[name]
                key = name
            case .index(let index):
                next = node.items.flatMap { index < $0.count ? $0[index] : nil }
                key = nil
            }
            guard let next else { return nil }
            parent = node
            node = next
        }
        return (node, parent, key)
    }
}
