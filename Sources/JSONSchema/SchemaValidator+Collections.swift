import JSONKit
import Manifests

extension Schema {
    func checkArray(_ items: [SchemaInstance], _ node: SchemaNode, _ here: SourcePosition, depth: Int) -> Failure? {
        if let minimum = node.minItems, items.count < minimum {
            return Failure(position: here, message: "must have at least \(minimum) item(s), has \(items.count)")
        }
        if let maximum = node.maxItems, items.count > maximum {
            return Failure(position: here, message: "must have at most \(maximum) item(s), has \(items.count)")
        }
        if let every = node.items {
            for (offset, item) in items.enumerated() {
                if let failure = check(item, every, depth: depth + 1) { return failure.under(.index(offset)) }
            }
        } else if let tuple = node.itemsList {
            for (offset, item) in items.enumerated() {
                let schema = offset < tuple.count ? tuple[offset] : node.additionalItems
                if let schema, let failure = check(item, schema, depth: depth + 1) {
                    return failure.under(.index(offset))
                }
            }
        }
        if let contains = node.contains {
            let matching = items.count { check($0, contains, depth: depth + 1) == nil }
            let minimum = node.minContains ?? 1
            if matching < minimum {
                return Failure(
                    position: here,
                    message: minimum == 1
                        ? "has no item that matches the `contains` schema"
                        : "has \(matching) item(s) matching the `contains` schema, at least \(minimum) needed")
            }
            if let maximum = node.maxContains, matching > maximum {
                return Failure(
                    position: here,
                    message: "has \(matching) item(s) matching the `contains` schema, at most \(maximum) allowed")
            }
        }
        if node.uniqueItems {
            let values = items.map(\.value)
            for (offset, value) in values.enumerated()
            where values[..<offset].contains(where: { Self.equal($0, value) }) {
                return Failure(position: items[offset].position, message: "repeats an earlier item (uniqueItems)")
                    .under(.index(offset))
            }
        }
        return nil
    }

    func checkObject(
        _ instance: SchemaInstance, _ entries: [(key: String, value: SchemaInstance)], _ node: SchemaNode,
        _ here: SourcePosition, depth: Int
    ) -> Failure? {
        for key in node.required where !entries.contains(where: { $0.key == key }) {
            return Failure(position: here, message: "`\(key)` is required")
        }
        if let minimum = node.minProperties, entries.count < minimum {
            return Failure(
                position: here,
                message: "must have at least \(minimum) entr\(minimum == 1 ? "y" : "ies"), has \(entries.count)")
        }
        if let maximum = node.maxProperties, entries.count > maximum {
            return Failure(position: here, message: "must have at most \(maximum) entries, has \(entries.count)")
        }
        for (key, needed) in node.dependentRequired where entries.contains(where: { $0.key == key }) {
            for other in needed where !entries.contains(where: { $0.key == other }) {
                return Failure(position: here, message: "`\(other)` is required when `\(key)` is set")
            }
        }
        let checksEntries =
            !node.properties.isEmpty || !node.patternProperties.isEmpty || node.additionalProperties != nil
            || node.propertyNames != nil || !node.dependentSchemas.isEmpty
        guard checksEntries else { return nil }
        for (key, value) in entries {
            if let names = node.propertyNames,
                let failure = check(
                    .value(.string(key), at: instance.keyPosition(key) ?? value.position), names, depth: depth + 1)
            {
                var placed = failure.under(.key(key))
                placed.message = "the key \(failure.message)"
                return placed
            }
            var matched = false
            if let schema = node.properties[key] {
                matched = true
                if let failure = check(value, schema, depth: depth + 1) { return failure.under(.key(key)) }
            }
            for (pattern, schema) in node.patternProperties where pattern.matches(key) {
                matched = true
                if let failure = check(value, schema, depth: depth + 1) { return failure.under(.key(key)) }
            }
            if !matched, let additional = node.additionalProperties {
                if nodes[additional].rejectsEverything {
                    return Failure(
                        position: instance.keyPosition(key) ?? value.position, message: "`\(key)` is not allowed here"
                    ).under(.key(key))
                }
                if let failure = check(value, additional, depth: depth + 1) { return failure.under(.key(key)) }
            }
            if let dependent = node.dependentSchemas[key], let failure = check(instance, dependent, depth: depth + 1) {
                return failure
            }
        }
        return nil
    }
}
