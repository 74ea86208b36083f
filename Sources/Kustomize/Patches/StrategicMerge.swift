/// Kubernetes' strategic merge patch as kustomize applies it (kyaml's merge2): maps merge key
/// by key, `null` deletes, lists of built-in kinds with a merge key merge item by item with the
/// patch's items first, other lists are replaced; `$patch: delete|replace` are obeyed.
import Manifests
import Policy

enum StrategicMerge {
    struct Context {
        var kind: String
        var hasSchema: Bool
        /// Where the patch removed fields, by the path they had (findings about their absence
        /// belong to the patch).
        var removals = RemovalLog()
    }

    final class RemovalLog {
        var entries: [(DocumentPath, SourceLocation)] = []
    }

    enum Outcome { case merged(Node), deleted }

    static func apply(_ patch: Node, to target: Node, context: Context) throws -> Outcome {
        if patch["$patch"]?.string == "delete" { return .deleted }
        var merged = try mergeMapping(target, patch, path: [], at: .root, context: context)
        dropEmptyNulls(&merged, path: [], context: context)
        return .merged(merged)
    }

    /// kustomize's merge drops fields written with no value at all (`key:`), though it keeps an
    /// explicit `null` or `~`, everywhere it walks: maps, and lists it merges item by item.
    static func dropEmptyNulls(_ node: inout Node, path: [String], context: Context) {
        switch node.value {
        case .mapping(var entries):
            entries.removeAll { entry in
                guard let scalar = entry.node.scalar, case .plain = scalar.kind else { return false }
                return scalar.text.isEmpty
            }
            for index in entries.indices {
                dropEmptyNulls(&entries[index].node, path: path + [entries[index].key], context: context)
            }
            node.value = .mapping(entries)
        case .sequence(var items):
            guard context.hasSchema, case .byKey = MergeKeys.strategy(kind: context.kind, path: path) else { return }
            for index in items.indices { dropEmptyNulls(&items[index], path: path, context: context) }
            node.value = .sequence(items)
        case .scalar:
            break
        }
    }

    private static func directive(_ node: Node) -> String? { node["$patch"]?.string }

    static func mergeMapping(_ target: Node, _ patch: Node, path: [String], at location: DocumentPath, context: Context)
        throws -> Node
    {
        guard let patchEntries = patch.entries else { return clean(patch) }
        if directive(patch) == "replace" { return clean(patch) }
        guard var result = target.entries != nil ? target : nil else { return clean(patch) }
        for entry in patchEntries {
            if entry.key == "$patch" || entry.key.hasPrefix("$setElementOrder/") || entry.key == "$retainKeys"
                || entry.key.hasPrefix("$deleteFromPrimitiveList/")
            {
                continue
            }
            let patchValue = entry.node
            if patchValue.isNull || (patchValue.entries != nil && directive(patchValue) == "delete") {
                if result[entry.key] != nil, let origin = patchValue.origin {
                    context.removals.entries.append((location.appending(entry.key), origin))
                }
                result[entry.key] = nil
                continue
            }
            let childPath = path + [entry.key]
            guard let existing = result[entry.key], !existing.isNull else {
                result[entry.key] = clean(patchValue)
                continue
            }
            switch (existing.value, patchValue.value) {
            case (.mapping, .mapping):
                result[entry.key] = try mergeMapping(
                    existing, patchValue, path: childPath, at: location.appending(entry.key), context: context)
            case (.sequence, .sequence):
                result[entry.key] = try mergeSequence(
                    existing, patchValue, path: childPath, at: location.appending(entry.key), context: context)
            default:
                result[entry.key] = clean(patchValue)
            }
        }
        return result
    }

    static func mergeSequence(
        _ target: Node, _ patch: Node, path: [String], at location: DocumentPath, context: Context
    ) throws -> Node {
        let patchItems = patch.items ?? []
        let strategy = context.hasSchema ? MergeKeys.strategy(kind: context.kind, path: path) : .replace
        if patchItems.contains(where: { $0.entries != nil && directive($0) == "replace" }) {
            return Node(
                .sequence(patchItems.filter { !($0.entries != nil && directive($0) == "replace") }.map(clean)),
                origin: patch.origin)
        }
        switch strategy {
        case .replace:
            return clean(patch)
        case .union:
            var seen = Set<String>()
            var merged: [Node] = []
            for item in patchItems + (target.items ?? []) {
                guard let text = item.scalar?.text, seen.insert(text).inserted else { continue }
                merged.append(item)
            }
            return Node(.sequence(merged), origin: target.origin)
        case .byKey(let key):
            var targetItems = target.items ?? []
            guard targetItems.allSatisfy({ $0.entries != nil }), patchItems.allSatisfy({ $0.entries != nil }) else {
                return clean(patch)
            }
            var merged: [Node] = []
            var used = Set<Int>()
            for item in patchItems {
                guard let value = item[key]?.scalar?.text else {
                    merged.append(clean(item))
                    continue
                }
                let match = targetItems.indices.first {
                    !used.contains($0) && targetItems[$0][key]?.scalar?.text == value
                }
                if directive(item) == "delete" {
                    if let match { used.insert(match) }
                    continue
                }
                if let match {
                    used.insert(match)
                    merged.append(
                        try mergeMapping(
                            targetItems[match], item, path: path, at: location.appending(index: merged.count),
                            context: context))
                } else {
                    merged.append(clean(item))
                }
            }
            for index in targetItems.indices where !used.contains(index) { merged.append(targetItems[index]) }
            targetItems = merged
            return Node(.sequence(targetItems), origin: target.origin)
        }
    }

    /// A patch value with its directives removed, as it lands in the object.
    static func clean(_ node: Node) -> Node {
        switch node.value {
        case .scalar: return node
        case .mapping(let entries):
            var result = node
            result.value = .mapping(
                entries.filter { !$0.key.hasPrefix("$") }.map { Entry(key: $0.key, node: clean($0.node)) })
            return result
        case .sequence(let items):
            var result = node
            result.value = .sequence(
                items.filter { !($0.entries != nil && ($0["$patch"]?.string == "delete")) }.map(clean))
            return result
        }
    }
}
