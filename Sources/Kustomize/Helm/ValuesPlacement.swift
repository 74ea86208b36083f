import Policy

/// Where a value of a rendered chart was written, when the values say so without doubt. Helm
/// keeps no provenance, so only an exact match moves a value: a field `key: value` of a
/// rendered object whose key and value are written exactly once among the values given
/// (`valuesInline`, the values files) is placed on that line (a `privileged: true` written in
/// `valuesInline` lands there); every other value stays at the `helmCharts` entry.
struct ValuesPlacement {
    private var places: [String: SourceLocation] = [:]

    init(values: Node, entry: SourceLocation?) {
        var found: [String: [SourceLocation]] = [:]
        func walk(_ node: Node, depth: Int) {
            guard depth < 64 else { return }
            for child in node.entries ?? [] {
                if let scalar = child.node.scalar, let origin = child.node.origin, origin != entry {
                    found[Self.key(child.key, scalar.text), default: []].append(origin)
                }
                walk(child.node, depth: depth + 1)
            }
            for item in node.items ?? [] { walk(item, depth: depth + 1) }
        }
        walk(values, depth: 0)
        places = found.compactMapValues { Set($0).count == 1 ? $0.first : nil }
    }

    var isEmpty: Bool { places.isEmpty }

    /// Places the fields of a rendered object that a written value explains.
    func place(_ node: inout Node, depth: Int = 0) {
        guard depth < 128 else { return }
        switch node.value {
        case .scalar: break
        case .mapping(var entries):
            for index in entries.indices {
                if let scalar = entries[index].node.scalar,
                    let origin = places[Self.key(entries[index].key, scalar.text)]
                {
                    entries[index].node.origin = origin
                } else {
                    place(&entries[index].node, depth: depth + 1)
                }
            }
            node.value = .mapping(entries)
        case .sequence(var items):
            for index in items.indices { place(&items[index], depth: depth + 1) }
            node.value = .sequence(items)
        }
    }

    private static func key(_ key: String, _ text: String) -> String { key + "\u{0}" + text }
}
