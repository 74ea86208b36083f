import Manifests
import Policy

/// Bounds on copying one parsed document: aliases can make a small file stand for an enormous
/// tree (a "billion laughs"), and deep nesting would exhaust the stack.
struct CopyBudget {
    static let maxDepth = 128
    var nodesLeft = 1_000_000
}

extension Node {
    /// Copies a parsed node, every part of it remembering its position in `file`: a mapping's
    /// values are placed at their key (where findings about a field are reported, as for files),
    /// sequence items at their start. Throws for documents nested deeper than 128 levels or
    /// expanding (through aliases) to more than a million nodes.
    package static func copy(_ yaml: YAMLNode, file: String) throws -> Node {
        var budget = CopyBudget()
        return try Node(yaml, file: file, at: nil, depth: 0, budget: &budget)
    }

    /// Mappings up to this many keys find a repeated key by comparing with each.
    static let keysSearchedInPlace = 16

    init(_ yaml: YAMLNode, file: String, at position: SourcePosition?, depth: Int, budget: inout CopyBudget) throws {
        let origin = SourceLocation(file: file, position: position ?? yaml.start)
        budget.nodesLeft -= 1
        guard budget.nodesLeft >= 0 else {
            throw KustomizeError(
                "the document expands to more than a million values (through aliases?), more than Shipshape builds",
                at: origin)
        }
        guard depth <= CopyBudget.maxDepth else {
            throw KustomizeError("the document is nested more than \(CopyBudget.maxDepth) levels deep", at: origin)
        }
        switch yaml.content {
        case .scalar(let scalar):
            let kind: Scalar.Kind
            switch (scalar.style, scalar.tag) {
            case (_, "tag:yaml.org,2002:str"?), (_, "!!str"?): kind = .string
            case (_, let tag?): kind = .tagged(tag)
            case (.plain, nil): kind = .plain
            default: kind = .string
            }
            let text = scalar.style == .folded ? Self.foldedAsKustomizeReadsIt(scalar.text) : scalar.text
            self.init(.scalar(Scalar(text: text, kind: kind)), origin: origin)
        case .mapping(let entries):
            var copied: [Entry] = []
            copied.reserveCapacity(entries.count)
            // Keys seen, by place: looked up in the list while it is short (most mappings are;
            // a dictionary for each cost more than the copy), in a dictionary once it is long.
            var indexByKey: [String: Int]?
            for entry in entries {
                let key = entry.keyText ?? ""
                let value = try Node(entry.value, file: file, at: entry.key.start, depth: depth + 1, budget: &budget)
                if indexByKey == nil, copied.count >= Self.keysSearchedInPlace {
                    indexByKey = Dictionary(uniqueKeysWithValues: copied.indices.map { (copied[$0].key, $0) })
                }
                let seen: Int?
                if let indexByKey { seen = indexByKey[key] } else { seen = copied.firstIndex { $0.key == key } }
                // A repeated key: the last one wins, as Kubernetes' YAML reader does.
                if let index = seen {
                    copied[index].node = value
                } else {
                    indexByKey?[key] = copied.count
                    copied.append(Entry(key: key, node: value))
                }
            }
            self.init(.mapping(copied), origin: origin)
        case .sequence(let items):
            var copied: [Node] = []
            copied.reserveCapacity(items.count)
            for item in items { copied.append(try Node(item, file: file, at: nil, depth: depth + 1, budget: &budget)) }
            self.init(.sequence(copied), origin: origin)
        }
    }

    /// Every origin in the tree, by path, for `SourceOrigins`.
    package func collectOrigins(at path: DocumentPath = .root, into body: (DocumentPath, SourceLocation) -> Void) {
        var components = path.components
        collectOrigins(at: &components, into: body)
    }

    /// The walk of `collectOrigins`, one path grown and shrunk in place (a new path for every
    /// node cost more than the recording).
    private func collectOrigins(
        at components: inout [DocumentPath.Component], into body: (DocumentPath, SourceLocation) -> Void
    ) {
        if let origin { body(DocumentPath(components), origin) }
        switch value {
        case .scalar: break
        case .mapping(let entries):
            for entry in entries {
                components.append(.key(entry.key))
                entry.node.collectOrigins(at: &components, into: body)
                components.removeLast()
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                components.append(.index(index))
                item.collectOrigins(at: &components, into: body)
                components.removeLast()
            }
        }
    }

    /// Gives every node without an origin the given one (values a patch or generator made).
    mutating func fillOrigins(_ origin: SourceLocation?) {
        if let filled = filledOrigins(origin) { self = filled }
    }

    /// The node with every node lacking an origin given the nearest one above it (`inherited`
    /// above the node itself); nil when nothing changes, which is most often, so that only the
    /// lists on the way to a changed node are copied (a tree shared with a cached build is not
    /// copied whole).
    func filledOrigins(_ inherited: SourceLocation?) -> Node? {
        let origin = self.origin ?? inherited
        var value: Value?
        switch self.value {
        case .scalar: break
        case .mapping(let entries):
            var copied = entries  // the same list until a node changes
            var changed = false
            for index in entries.indices {
                guard let filled = entries[index].node.filledOrigins(origin) else { continue }
                copied[index].node = filled
                changed = true
            }
            if changed { value = .mapping(copied) }
        case .sequence(let items):
            var copied = items  // the same list until a node changes
            var changed = false
            for index in items.indices {
                guard let filled = items[index].filledOrigins(origin) else { continue }
                copied[index] = filled
                changed = true
            }
            if changed { value = .sequence(copied) }
        }
        guard value != nil || (self.origin == nil && origin != nil) else { return nil }
        return Node(value ?? self.value, origin: origin)
    }
}

extension Node {
    /// A folded scalar (`>`) as kustomize's YAML reader (go-yaml v3) takes it: one more line
    /// break before a more-indented line that follows a text or empty line than YAML's spec (and
    /// libyaml) gives. Reproduced because the built objects are what kustomize applies.
    static func foldedAsKustomizeReadsIt(_ text: String) -> String {
        guard text.contains("\n ") || text.contains("\n\t") else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var out = String(lines[0])
        for index in 1..<lines.count {
            let line = lines[index]
            let previous = lines[index - 1]
            let spaced = line.first == " " || line.first == "\t"
            let previousSpaced = previous.first == " " || previous.first == "\t"
            out += spaced && !previousSpaced ? "\n\n" : "\n"
            out += line
        }
        return out
    }
}
