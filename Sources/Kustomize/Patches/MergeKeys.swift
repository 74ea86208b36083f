/// Which lists of built-in kinds merge item by item, and by which key (Kubernetes'
/// `patchMergeKey`). kustomize reads these from the OpenAPI schema of built-in kinds; objects of
/// other kinds (custom resources) have no schema, so a patch replaces their lists whole.
enum MergeKeys {
    enum Strategy: Equatable {
        case byKey(String)
        /// A list of scalars merged as a set (`finalizers`).
        case union
        case replace
    }

    private static let builtInGroups: Set<String> = [
        "", "apps", "batch", "policy", "autoscaling", "extensions", "networking.k8s.io", "rbac.authorization.k8s.io",
        "storage.k8s.io", "scheduling.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io",
        "coordination.k8s.io", "discovery.k8s.io", "node.k8s.io", "certificates.k8s.io", "apiregistration.k8s.io",
        "flowcontrol.apiserver.k8s.io", "events.k8s.io", "resource.k8s.io",
    ]

    static func hasSchema(group: String) -> Bool { builtInGroups.contains(group) }

    /// The strategy for the list at `path` (keys only, list indexes left out) in an object of
    /// `kind`.
    static func strategy(kind: String, path: [String]) -> Strategy {
        guard let field = path.last else { return .replace }
        let parent = path.dropLast().last
        switch field {
        case "containers", "initContainers", "ephemeralContainers", "volumes", "imagePullSecrets", "resourceClaims",
            "schedulingGates":
            return .byKey("name")
        case "env":
            return isContainer(parent: parent, path: path) ? .byKey("name") : .replace
        case "ports":
            if isContainer(parent: parent, path: path) { return .byKey("containerPort") }
            if kind == "Service", path == ["spec", "ports"] { return .byKey("port") }
            return .replace
        case "volumeMounts": return .byKey("mountPath")
        case "volumeDevices": return .byKey("devicePath")
        case "hostAliases": return .byKey("ip")
        case "topologySpreadConstraints": return .byKey("topologyKey")
        case "ownerReferences": return path.count == 2 && path[0] == "metadata" ? .byKey("uid") : .replace
        case "finalizers": return path.count == 2 && path[0] == "metadata" ? .union : .replace
        case "secrets": return kind == "ServiceAccount" && path.count == 1 ? .byKey("name") : .replace
        case "taints": return kind == "Node" ? .byKey("key") : .replace
        case "conditions": return path.first == "status" ? .byKey("type") : .replace
        default: return .replace
        }
    }

    private static func isContainer(parent: String?, path: [String]) -> Bool {
        parent == "containers" || parent == "initContainers" || parent == "ephemeralContainers"
    }
}
