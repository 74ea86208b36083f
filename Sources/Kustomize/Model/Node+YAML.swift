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
            var indexByKey: [String: Int] = [:]
            for entry in entries {
                let key = entry.keyText ?? ""
                let value = try Node(entry.value, file: file, at: entry.key.start, depth: depth + 1, budget: &budget)
                // A repeated key: the last one wins, as Kubernetes' YAML reader does.
                if let index = indexByKey[key] {
                    copied[index].node = value
                } else {
                    indexByKey[key] = copied.count
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
        if let origin { body(path, origin) }
        switch value {
        case .scalar: break
        case .mapping(let entries):
            for entry in entries { entry.node.collectOrigins(at: path.appending(entry.key), into: body) }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                item.collectOrigins(at: path.appending(index: index), into: body)
            }
        }
    }

    /// Gives every node without an origin the given one (values a patch or generator made).
    mutating func fillOrigins(_ origin: SourceLocation?) {
        if self.origin == nil { self.origin = origin }
        switch value {
        case .scalar: break
        case .mapping(var entries):
            for index in entries.indices { entries[index].node.fillOrigins(self.origin) }
            value = .mapping(entries)
        case .sequence(var items):
            for index in items.indices { items[index].fillOrigins(self.origin) }
            value = .sequence(items)
        }
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
