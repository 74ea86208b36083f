import Policy

/// One entry of the legacy `vars:` (kustomize v5.5): a name for a field of one object, which
/// `$(NAME)` in kustomize's var-reference fields is replaced with at the end of the build.
struct Var: Sendable {
    var name: String
    var group: String, version: String, kind: String
    var objectName: String, namespace: String
    var fieldPath: String
    var origin: SourceLocation?

    init(_ node: Node) throws {
        guard node.entries != nil, let name = node["name"]?.string, !name.isEmpty else {
            throw KustomizeError("a vars: entry is a mapping with name:, objref: and fieldref:", at: node.origin)
        }
        guard let objref = node["objref"], objref.entries != nil else {
            throw KustomizeError("var '\(name)' needs objref: (apiVersion, kind, name)", at: node.origin)
        }
        self.name = name
        origin = node.origin
        group = objref["group"]?.string ?? ""
        version = objref["version"]?.string ?? ""
        // `apiVersion:` wins over group/version, as in kustomize's Target.GVK.
        if let apiVersion = objref["apiVersion"]?.string, !apiVersion.isEmpty {
            let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2 {
                (group, version) = (parts[0], parts[1])
            } else if parts.count == 1 {
                version = parts[0]
            }
        }
        kind = objref["kind"]?.string ?? ""
        objectName = objref["name"]?.string ?? ""
        namespace = objref["namespace"]?.string ?? ""
        let path = node[path: "fieldref", "fieldpath"]?.string ?? ""
        fieldPath = path.isEmpty ? Replacement.defaultFieldPath : path
    }

    /// kustomize compares group, version and kind exactly (a var without apiVersion names no
    /// built-in object), and the namespace only when given or for cluster-scoped kinds.
    func names(_ id: ResourceID) -> Bool {
        guard id.group == group, id.version == version, id.kind == kind, id.name == objectName else { return false }
        let clusterScoped = ClusterScope.isClusterScoped(group: group, version: version, kind: kind)
        guard !namespace.isEmpty || clusterScoped else { return true }
        if clusterScoped { return id.isClusterScoped }
        return id.effectiveNamespace == namespace
    }

    var description: String { "var '\(name)' (\(kind) \(objectName), \(fieldPath))" }
}
