extension YAMLNode {
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var entries: [YAMLMappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var isMapping: Bool { entries != nil }
    public var isSequence: Bool { items != nil }

    /// The entry under `key` when this node is a mapping.
    public func entry(_ key: String) -> YAMLMappingEntry? {
        guard case .mapping(let entries) = content else { return nil }
        for entry in entries where entry.keyText == key { return entry }
        return nil
    }

    public subscript(key: String) -> YAMLNode? { entry(key)?.value }

    /// Follows a path of mapping keys: `node["spec", "template", "spec"]`.
    public subscript(first: String, rest: String...) -> YAMLNode? {
        var node = self[first]
        for key in rest { node = node?[key] }
        return node
    }

    /// The text of a scalar that is not null.
    public var string: String? {
        guard let scalar, !scalar.isNull else { return nil }
        return scalar.text
    }

    public var bool: Bool? { scalar?.bool }
    public var int: Int? { scalar?.int }

    /// True when the node is absent-equivalent: a null scalar.
    public var isNull: Bool { scalar?.isNull ?? false }

    /// The mapping's string entries (labels, annotations, selectors).
    public var stringMap: [String: String] {
        guard let entries else { return [:] }
        var map: [String: String] = [:]
        for entry in entries {
            if let key = entry.keyText, let value = entry.value.scalar, !value.isNull { map[key] = value.text }
        }
        return map
    }
}
