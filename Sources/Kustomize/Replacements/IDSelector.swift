import Policy

/// A `select:`/`reject:`/`source:` of `replacements`: group, version, kind, name and namespace
/// compared exactly (empty means any; kustomize v5.5's `IsSelectedBy`), and label and
/// annotation selectors.
struct IDSelector: CustomStringConvertible {
    var group = "", version = "", kind = "", name = "", namespace = ""
    var labelSelector = "", annotationSelector = ""
    var origin: SourceLocation?

    init(_ node: Node, field: String) throws {
        guard node.entries != nil else {
            throw KustomizeError("\(field) is a mapping (group, version, kind, name, namespace)", at: node.origin)
        }
        group = node["group"]?.string ?? ""
        version = node["version"]?.string ?? ""
        kind = node["kind"]?.string ?? ""
        name = node["name"]?.string ?? ""
        namespace = node["namespace"]?.string ?? ""
        labelSelector = node["labelSelector"]?.string ?? ""
        annotationSelector = node["annotationSelector"]?.string ?? ""
        origin = node.origin
    }

    var hasID: Bool { !(group + version + kind + name + namespace).isEmpty }
    var hasMetadataSelector: Bool { !labelSelector.isEmpty || !annotationSelector.isEmpty }

    /// True when `id` is one this selector names.
    func selects(_ id: ResourceID) -> Bool {
        (name.isEmpty || name == id.name)
            && (namespace.isEmpty || Self.sameNamespace(namespace, id))
            && (group.isEmpty || group == id.group) && (version.isEmpty || version == id.version)
            && (kind.isEmpty || kind == id.kind)
    }

    /// True when the object's labels and annotations satisfy the selectors (empty ones do).
    func selectsMetadata(of resource: Resource) throws -> Bool {
        if !labelSelector.isEmpty,
            !(try LabelSelector.matches(
                labelSelector, resource.node[path: "metadata", "labels"]?.stringMap ?? [:], at: origin))
        {
            return false
        }
        if !annotationSelector.isEmpty,
            !(try LabelSelector.matches(
                annotationSelector, resource.node[path: "metadata", "annotations"]?.stringMap ?? [:], at: origin))
        {
            return false
        }
        return true
    }

    /// kustomize compares namespaces with an empty one meaning `default`.
    private static func sameNamespace(_ namespace: String, _ id: ResourceID) -> Bool {
        let normalized = namespace == "default" ? "" : namespace
        let other = id.namespace == "default" ? "" : id.namespace
        return normalized == other
    }

    var description: String {
        [
            ("group", group), ("version", version), ("kind", kind), ("name", name), ("namespace", namespace),
            ("labelSelector", labelSelector), ("annotationSelector", annotationSelector),
        ]
        .filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
    }
}

extension Resource {
    /// Every identity the object had in the build (kustomize's `MakeResIds`).
    var allIDs: [ResourceID] { [id] + previousIDs + [originalID] }
}
