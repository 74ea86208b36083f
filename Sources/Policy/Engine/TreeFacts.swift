import Manifests

/// What cross-object checks need to know about files that were not read: where the tree's
/// workloads are (for the namespace guard rails' "first workload" rule) and which namespace
/// each folder's kustomization sets.
public struct TreeFacts: Sendable {
    public var workloads: [(namespace: String, key: Workspace.WorkloadKey)]
    /// Folder → the `namespace:` of its kustomization.yaml.
    public var kustomizationNamespaces: [String: String]
    /// Objects other files hold that cross-object checks look up (roles, budgets, service accounts...).
    public var contextObjects: [KubernetesObject]

    public init(workloads: [(namespace: String, key: Workspace.WorkloadKey)] = [], kustomizationNamespaces: [String: String] = [:],
                contextObjects: [KubernetesObject] = []) {
        self.workloads = workloads
        self.kustomizationNamespaces = kustomizationNamespaces
        self.contextObjects = contextObjects
    }

    /// These facts without what `file` holds (it is being read again, perhaps changed).
    public func excluding(file: String) -> TreeFacts {
        TreeFacts(workloads: workloads.filter { $0.key.file != file }, kustomizationNamespaces: kustomizationNamespaces,
                  contextObjects: contextObjects.filter { $0.file != file })
    }
}
