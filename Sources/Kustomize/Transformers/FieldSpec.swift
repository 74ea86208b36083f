import Policy

/// A place in objects of some kinds where a transformer writes (kustomize's field specs):
/// `spec/template/metadata/labels` of Deployments. Sequences met on the way are walked item by item.
struct FieldSpec: Sendable {
    var group: String?
    var version: String?
    var kind: String?
    var path: [String]
    var create: Bool

    init(_ path: String, kind: String? = nil, group: String? = nil, version: String? = nil, create: Bool = false) {
        self.path = FieldSpec.split(path)
        self.kind = kind
        self.group = group
        self.version = version
        self.create = create
    }

    /// Splits at `/` but not at `\/` (annotation keys hold slashes); `[]` marks are dropped.
    static func split(_ path: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for character in path {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" {
                escaped = true
                continue
            }
            if character == "/" {
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts.map { $0.hasSuffix("[]") ? String($0.dropLast(2)) : $0 }
    }

    func selects(_ id: ResourceID) -> Bool {
        if let group, group != id.group { return false }
        if let version, version != id.version { return false }
        if let kind, kind != id.kind { return false }
        return true
    }

    /// Calls `body` with the field at the end of the path (nil when absent) in every place the
    /// path reaches; creates the mappings on the way when the spec says so.
    func visit(_ node: inout Node, origin: SourceLocation?, _ body: (inout Node?) throws -> Void) rethrows {
        try Self.visit(&node, path: path[...], create: create, origin: origin, body)
    }

    static func visit(
        _ node: inout Node, path: ArraySlice<String>, create: Bool, origin: SourceLocation?,
        _ body: (inout Node?) throws -> Void
    ) rethrows {
        guard let key = path.first else { return }
        switch node.value {
        case .sequence(var items):
            for index in items.indices { try visit(&items[index], path: path, create: create, origin: origin, body) }
            node.value = .sequence(items)
        case .mapping:
            var child = node[key]
            if child?.isNull == true { child = nil }
            if path.count == 1 {
                try body(&child)
                node[key] = child
                return
            }
            if child == nil {
                guard create else { return }
                child = .emptyMapping(origin: origin)
            }
            if var existing = child {
                try visit(&existing, path: path.dropFirst(), create: create, origin: origin, body)
                node[key] = existing
            }
        case .scalar:
            return
        }
    }
}
