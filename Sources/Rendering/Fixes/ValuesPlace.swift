import Manifests
import Policy

/// A values key in a file, by document and key path rather than by position, so it is found
/// again after other edits moved the lines.
struct ValuesPlace: Sendable, CustomStringConvertible {
    var document: Int
    var keys: [String]
    var isScalar: Bool
    var isMapping: Bool

    var description: String { keys.joined(separator: ".") }

    /// The key written at `origin` (its key's position), when the file holds one there; YAML inside
    /// a block scalar (a ConfigMap's `values.yaml: |`) has no key at that position and is not edited.
    static func find(_ origin: SourceLocation, source: PolicyEngine.FileSource) -> ValuesPlace? {
        guard let bytes = try? source(origin.file) else { return nil }
        for document in YAMLParser.parse(bytes: bytes).documents {
            guard let root = document.root, let found = search(root, for: origin.position, keys: []) else { continue }
            return ValuesPlace(document: document.index, keys: found.keys, isScalar: found.node.scalar != nil, isMapping: found.node.isMapping)
        }
        return nil
    }

    private static func search(_ node: YAMLNode, for position: SourcePosition, keys: [String], depth: Int = 0) -> (keys: [String], node: YAMLNode)? {
        guard depth < 64, let entries = node.entries else { return nil }
        for entry in entries {
            guard let key = entry.keyText else { continue }
            if entry.key.start.line == position.line, entry.key.start.column == position.column { return (keys + [key], entry.value) }
            if entry.key.start.line <= position.line, let found = search(entry.value, for: position, keys: keys + [key], depth: depth + 1) { return found }
        }
        return nil
    }

    /// The node at this place in a fresh parse, with its parent mapping and key.
    func locate(in stream: YAMLStream) -> (node: YAMLNode, parent: YAMLNode?, key: String?)? {
        guard var node = stream.documents.first(where: { $0.index == document })?.root else { return nil }
        var parent: YAMLNode?
        for key in keys {
            guard let next = node[key] else { return nil }
            parent = node
            node = next
        }
        return (node, parent, keys.last)
    }
}
