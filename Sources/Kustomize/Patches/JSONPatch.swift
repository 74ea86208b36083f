import Foundation
import Manifests
import Policy

/// RFC 6902 JSON patches (add, remove, replace, move, copy, test) on a node, with errors that
/// name the operation's line.
enum JSONPatch {
    static func apply(_ operations: Node, to target: inout Node) throws {
        var removals: [(path: DocumentPath, origin: SourceLocation)] = []
        try apply(operations, to: &target, removals: &removals)
    }

    static func apply(
        _ operations: Node, to target: inout Node, removals: inout [(path: DocumentPath, origin: SourceLocation)]
    ) throws {
        guard let items = operations.items else {
            throw KustomizeError("a JSON patch is a list of operations", at: operations.origin)
        }
        for operation in items {
            guard let op = operation["op"]?.string else {
                throw KustomizeError("a JSON patch operation needs op:", at: operation.origin)
            }
            guard let pathText = operation["path"]?.scalar?.text else {
                throw KustomizeError("the \(op) operation needs path:", at: operation.origin)
            }
            let path = try pointer(pathText, at: operation["path"]?.origin)
            switch op {
            case "add":
                guard let value = operation["value"] else {
                    throw KustomizeError("the add operation needs value:", at: operation.origin)
                }
                try add(value, at: path[...], in: &target, text: pathText, origin: operation.origin)
            case "remove":
                if let origin = operation.origin { removals.append((documentPath(path, in: target), origin)) }
                _ = try remove(at: path[...], in: &target, text: pathText, origin: operation.origin)
            case "replace":
                guard let value = operation["value"] else {
                    throw KustomizeError("the replace operation needs value:", at: operation.origin)
                }
                // kustomize's JSON patch library replaces a missing key of an existing map by adding it.
                let parentIsMap = get(path.dropLast()[...], in: target)?.entries != nil
                if get(path[...], in: target) != nil || !parentIsMap {
                    _ = try remove(at: path[...], in: &target, text: pathText, origin: operation.origin)
                }
                try add(value, at: path[...], in: &target, text: pathText, origin: operation.origin)
            case "move", "copy":
                guard let fromText = operation["from"]?.scalar?.text else {
                    throw KustomizeError("the \(op) operation needs from:", at: operation.origin)
                }
                let from = try pointer(fromText, at: operation["from"]?.origin)
                let value: Node
                if op == "move" {
                    value = try remove(at: from[...], in: &target, text: fromText, origin: operation.origin)
                } else {
                    guard let found = get(from[...], in: target) else {
                        throw KustomizeError("copy: \(fromText) does not exist in the object", at: operation.origin)
                    }
                    value = found
                }
                try add(value, at: path[...], in: &target, text: pathText, origin: operation.origin)
            case "test":
                guard let found = get(path[...], in: target) else {
                    throw KustomizeError("test: \(pathText) does not exist in the object", at: operation.origin)
                }
                guard let expected = operation["value"], JSONEquality.equal(found, expected) else {
                    throw KustomizeError("test failed: \(pathText) does not hold the given value", at: operation.origin)
                }
            default:
                throw KustomizeError(
                    "unknown JSON patch operation \(op) (add, remove, replace, move, copy, test)",
                    at: operation["op"]?.origin)
            }
        }
    }

    static func pointer(_ text: String, at origin: SourceLocation?) throws -> [String] {
        if text.isEmpty { return [] }
        guard text.hasPrefix("/") else { throw KustomizeError("a JSON pointer starts with /: \(text)", at: origin) }
        return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// The pointer as a document path: a component is an index where the node is a list.
    static func documentPath(_ pointer: [String], in node: Node) -> DocumentPath {
        var components: [DocumentPath.Component] = []
        var current: Node? = node
        for part in pointer {
            if current?.items != nil, let index = Int(part) {
                components.append(.index(index))
                current = current?.items.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            } else {
                components.append(.key(part))
                current = current?[part]
            }
        }
        return DocumentPath(components)
    }

    static func get(_ path: ArraySlice<String>, in node: Node) -> Node? {
        guard let first = path.first else { return node }
        switch node.value {
        case .mapping: return node[first].flatMap { get(path.dropFirst(), in: $0) }
        case .sequence(let items):
            guard let index = Int(first), items.indices.contains(index) else { return nil }
            return get(path.dropFirst(), in: items[index])
        case .scalar: return nil
        }
    }

    private static func add(
        _ value: Node, at path: ArraySlice<String>, in node: inout Node, text: String, origin: SourceLocation?
    ) throws {
        guard let first = path.first else {
            node = value
            return
        }
        let last = path.count == 1
        switch node.value {
        case .mapping:
            if last {
                node[first] = value
                return
            }
            guard var child = node[first] else {
                throw KustomizeError("add: \(text) does not exist in the object (its parent is missing)", at: origin)
            }
            try add(value, at: path.dropFirst(), in: &child, text: text, origin: origin)
            node[first] = child
        case .sequence(var items):
            if last {
                if first == "-" {
                    items.append(value)
                } else {
                    guard let index = Int(first), index >= 0, index <= items.count else {
                        throw KustomizeError(
                            "add: index \(first) of \(text) is out of range (the list has \(items.count) items)",
                            at: origin)
                    }
                    items.insert(value, at: index)
                }
            } else {
                guard let index = Int(first), items.indices.contains(index) else {
                    throw KustomizeError("add: \(text) does not exist in the object", at: origin)
                }
                try add(value, at: path.dropFirst(), in: &items[index], text: text, origin: origin)
            }
            node.value = .sequence(items)
        case .scalar:
            throw KustomizeError("add: \(text) goes through a scalar", at: origin)
        }
    }

    private static func remove(at path: ArraySlice<String>, in node: inout Node, text: String, origin: SourceLocation?)
        throws -> Node
    {
        guard let first = path.first else { throw KustomizeError("cannot remove the whole object", at: origin) }
        let last = path.count == 1
        switch node.value {
        case .mapping:
            guard var child = node[first] else {
                throw KustomizeError("\(text) does not exist in the object", at: origin)
            }
            if last {
                node[first] = nil
                return child
            }
            let removed = try remove(at: path.dropFirst(), in: &child, text: text, origin: origin)
            node[first] = child
            return removed
        case .sequence(var items):
            guard let index = Int(first), items.indices.contains(index) else {
                throw KustomizeError(
                    "\(text) does not exist in the object (index \(first) of \(items.count) items)", at: origin)
            }
            let removed: Node
            if last {
                removed = items.remove(at: index)
            } else {
                removed = try remove(at: path.dropFirst(), in: &items[index], text: text, origin: origin)
            }
            node.value = .sequence(items)
            return removed
        case .scalar:
            throw KustomizeError("\(text) goes through a scalar", at: origin)
        }
    }
}

/// Comparison of values as JSON sees them (for `test`).
enum JSONEquality {
    static func equal(_ lhs: Node, _ rhs: Node) -> Bool {
        switch (lhs.value, rhs.value) {
        case (.scalar(let a), .scalar(let b)): return a.text == b.text
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count
                && a.allSatisfy { entry in b.first { $0.key == entry.key }.map { equal(entry.node, $0.node) } ?? false }
        case (.sequence(let a), .sequence(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        default: return false
        }
    }
}
