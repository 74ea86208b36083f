import Manifests
import Policy

/// A YAML value owned by the builder, with the place each part of it was written.
///
/// Parsed trees (`YAMLNode`) are read-only views into one file's bytes; a build merges values
/// from many files, so it copies them into this tree, which every transformer edits in place.
package struct Node: Sendable, Equatable {
    package enum Value: Sendable, Equatable {
        case scalar(Scalar)
        case mapping([Entry])
        case sequence([Node])
    }

    package var value: Value
    /// Where the value was written: a base document, a patch, a kustomization line. `nil` only
    /// for values no file holds (an empty map the builder had to create on the way to a field).
    package var origin: SourceLocation?

    package init(_ value: Value, origin: SourceLocation?) {
        self.value = value
        self.origin = origin
    }

    package static func == (lhs: Node, rhs: Node) -> Bool { lhs.value == rhs.value }

    package static func string(_ text: String, origin: SourceLocation?) -> Node {
        Node(.scalar(Scalar(text: text, kind: .string)), origin: origin)
    }

    package static func emptyMapping(origin: SourceLocation?) -> Node { Node(.mapping([]), origin: origin) }
}

/// One `key: value` of a mapping (keys are strings in every file Kubernetes reads).
package struct Entry: Sendable, Equatable {
    package var key: String
    package var node: Node

    package init(key: String, node: Node) {
        self.key = key
        self.node = node
    }
}

/// A scalar's text and how YAML reads it: written plain (`80`, `true`, `null`) it is typed by
/// YAML's rules; quoted, block or made by the builder it is a string.
package struct Scalar: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// Written without quotes: its type is whatever YAML makes of the text.
        case plain
        /// A string whatever its text looks like.
        case string
        /// Written with an explicit tag other than `!!str` (`!!binary`, `!!int`).
        case tagged(String)
    }

    package var text: String
    package var kind: Kind

    package init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }

    /// True for a plain `null`/`~`/empty scalar, which merges and patches treat as absence.
    package var isNull: Bool {
        guard case .plain = kind else {
            if case .tagged(let tag) = kind { return tag == "tag:yaml.org,2002:null" }
            return false
        }
        return YAMLScalar(text: text).isNull
    }
}

extension Node {
    package var scalar: Scalar? {
        if case .scalar(let scalar) = value { return scalar }
        return nil
    }

    /// The text of a scalar that is not null.
    package var string: String? {
        guard let scalar, !scalar.isNull else { return nil }
        return scalar.text
    }

    package var entries: [Entry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    package var items: [Node]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    package var isNull: Bool { scalar?.isNull ?? false }

    package subscript(key: String) -> Node? {
        get { entries?.first(where: { $0.key == key })?.node }
        set {
            guard case .mapping(var entries) = value else { return }
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].node = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(key: key, node: newValue))
            }
            value = .mapping(entries)
        }
    }

    /// Follows mapping keys: `node[path: "metadata", "name"]`.
    package subscript(path keys: String...) -> Node? {
        var node: Node? = self
        for key in keys { node = node?[key] }
        return node
    }

    /// A mapping's string entries (labels, annotations, selectors).
    package var stringMap: [String: String] {
        var map: [String: String] = [:]
        for entry in entries ?? [] { if let text = entry.node.string { map[entry.key] = text } }
        return map
    }

    /// The mapping under `key`, created (empty, with `origin`) when missing or null.
    /// Returns nil when something other than a mapping is there.
    mutating func withMapping<Result>(_ key: String, origin: SourceLocation?, _ body: (inout Node) throws -> Result)
        rethrows -> Result?
    {
        var child = self[key] ?? .emptyMapping(origin: origin)
        if child.isNull { child = .emptyMapping(origin: origin) }
        guard child.entries != nil else { return nil }
        let result = try body(&child)
        self[key] = child
        return result
    }
}

extension Node {
    /// Annotations as kustomize writes them out: a map of strings (`true` becomes `"true"`,
    /// an empty value `""`), and no `annotations:` at all when there are none.
    mutating func normalizeAnnotations() {
        guard var metadata = self["metadata"], metadata.entries != nil, let annotations = metadata["annotations"] else {
            return
        }
        guard let entries = annotations.entries, !entries.isEmpty else {
            metadata["annotations"] = nil
            self["metadata"] = metadata
            return
        }
        var normalized = annotations
        normalized.value = .mapping(
            entries.map { entry in
                guard let scalar = entry.node.scalar else { return entry }
                let text = scalar.isNull ? "" : scalar.text
                return Entry(
                    key: entry.key, node: Node(.scalar(Scalar(text: text, kind: .string)), origin: entry.node.origin))
            })
        metadata["annotations"] = normalized
        self["metadata"] = metadata
    }
}
