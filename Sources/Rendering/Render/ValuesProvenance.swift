import Manifests
import Policy

/// Which written value each part of a rendered document came from, worked out by Helm itself:
/// the chart is rendered a second time with every written string replaced by a unique marker
/// (`ValuesMarkers`). A rendered scalar holding a marker came from that marker's value (the last
/// one, when a template joins several: `repository:tag`). A rendered map or list that equals a
/// written values map as a whole, markers included (a `toYaml` of it), came from that map, and
/// each of its values (booleans and numbers too) from their own keys.
struct ValuesProvenance {
    let markers: ValuesMarkers
    /// Written maps and lists of the effective values by their canonical text; nil where two
    /// written maps read the same (no way to tell which one a rendered map came from).
    private var written: [String: ValuesTree?] = [:]

    /// Bound on the size of the maps compared, so a huge rendered ConfigMap costs nothing.
    static let maximumLeaves = 256

    init(markers: ValuesMarkers, effectiveValues: ValuesTree) {
        self.markers = markers
        index(effectiveValues)
    }

    private mutating func index(_ tree: ValuesTree) {
        switch tree.content {
        case .map(let entries):
            for entry in entries { index(entry.value) }
        case .list(let items):
            for item in items { index(item) }
        case .scalar:
            return
        }
        guard tree.origin != nil, let (text, leaves) = canonical(tree), leaves > 0 else { return }
        if written[text] != nil { written[text] = .some(nil) } else { written[text] = tree }
    }

    /// Records the origin of every node of `root` (document `document` of the generated stream).
    func record(_ root: YAMLNode, document: Int, into origins: inout SourceOrigins) {
        _ = visit(root, path: .root, document: document, into: &origins)
    }

    /// The node's canonical text and number of leaves (nil when too large), recording origins on the way.
    private func visit(_ node: YAMLNode, path: DocumentPath, document: Int, into origins: inout SourceOrigins) -> (
        String, Int
    )? {
        switch node.content {
        case .scalar(let scalar):
            if let origin = markers.origins(in: scalar.text).last {
                origins.record(document: document, path: path, origin: origin)
            }
            return (Self.canonical(scalar), 1)
        case .sequence(let items):
            var parts: [String] = []
            var leaves = 0
            var complete = true
            for (number, item) in items.enumerated() {
                if let (text, count) = visit(
                    item, path: path.appending(index: number), document: document, into: &origins)
                {
                    parts.append(text)
                    leaves += count
                } else {
                    complete = false
                }
            }
            guard complete, leaves <= Self.maximumLeaves else { return nil }
            let text = "[" + parts.joined(separator: ",") + "]"
            match(text, node: node, path: path, document: document, into: &origins)
            return (text, leaves)
        case .mapping(let entries):
            var parts: [String] = []
            var leaves = 0
            var complete = true
            for entry in entries {
                guard let key = entry.keyText else {
                    complete = false
                    continue
                }
                if let (text, count) = visit(entry.value, path: path.appending(key), document: document, into: &origins)
                {
                    parts.append(Self.quoted(key) + ":" + text)
                    leaves += count
                } else {
                    complete = false
                }
            }
            guard complete, leaves <= Self.maximumLeaves else { return nil }
            let text = "{" + parts.sorted().joined(separator: ",") + "}"
            match(text, node: node, path: path, document: document, into: &origins)
            return (text, leaves)
        }
    }

    /// A rendered map or list that is a written one: it and each of its written values map there.
    private func match(
        _ text: String, node: YAMLNode, path: DocumentPath, document: Int, into origins: inout SourceOrigins
    ) {
        guard let found = written[text], let tree = found, let origin = tree.origin else { return }
        origins.record(document: document, path: path, origin: origin)
        recordWritten(tree, at: path, document: document, into: &origins)
    }

    private func recordWritten(
        _ tree: ValuesTree, at path: DocumentPath, document: Int, into origins: inout SourceOrigins
    ) {
        switch tree.content {
        case .map(let entries):
            for entry in entries {
                let child = path.appending(entry.key)
                if let origin = entry.value.origin { origins.record(document: document, path: child, origin: origin) }
                recordWritten(entry.value, at: child, document: document, into: &origins)
            }
        case .list(let items):
            for (number, item) in items.enumerated() {
                let child = path.appending(index: number)
                if let origin = item.origin { origins.record(document: document, path: child, origin: origin) }
                recordWritten(item, at: child, document: document, into: &origins)
            }
        case .scalar:
            return
        }
    }

    /// A values tree's canonical text as it would render, markers in place of written strings.
    private func canonical(_ tree: ValuesTree, depth: Int = 0) -> (String, Int)? {
        guard depth < 32 else { return nil }
        switch tree.content {
        case .scalar(let scalar):
            switch scalar {
            case .null: return ("~", 1)
            case .bool(let value): return (value ? "b:true" : "b:false", 1)
            case .number(let text): return ("n:" + text, 1)
            case .string(let text):
                if let origin = tree.origin, !text.isEmpty { return ("s:" + markers.marker(for: origin), 1) }
                return ("s:" + text, 1)
            }
        case .list(let items):
            var parts: [String] = []
            var leaves = 0
            for item in items {
                guard let (text, count) = canonical(item, depth: depth + 1) else { return nil }
                parts.append(text)
                leaves += count
            }
            return leaves <= Self.maximumLeaves ? ("[" + parts.joined(separator: ",") + "]", leaves) : nil
        case .map(let entries):
            var parts: [String] = []
            var leaves = 0
            for entry in entries {
                guard let (text, count) = canonical(entry.value, depth: depth + 1) else { return nil }
                parts.append(Self.quoted(entry.key) + ":" + text)
                leaves += count
            }
            return leaves <= Self.maximumLeaves ? ("{" + parts.sorted().joined(separator: ",") + "}", leaves) : nil
        }
    }

    private static func canonical(_ scalar: YAMLScalar) -> String {
        switch ValuesTree.interpret(scalar) {
        case .null: "~"
        case .bool(let value): value ? "b:true" : "b:false"
        case .number(let text): "n:" + text
        case .string(let text): "s:" + text
        }
    }

    private static func quoted(_ key: String) -> String {
        ValuesJSON.quoted(key)
    }
}
