import Manifests

/// What cross-object checks need to know about files that were not read: where the tree's
/// workloads are (for the namespace guard rails' "first workload" rule) and which namespace
/// each folder's kustomization sets.
package struct TreeFacts: Sendable {
    package var workloads: [(namespace: String, key: Workspace.WorkloadKey)]
    /// Folder → the `namespace:` of its kustomization.yaml.
    package var kustomizationNamespaces: [String: String]
    /// The whole tree's context, indexed once (`PolicyEngine.context`): runs over a few files
    /// add their objects to a copy instead of indexing the tree again.
    package var workspace: Workspace?
    /// The files that hold Kyverno policies, when the caller knows (a review's tree index): only
    /// these are searched for policies instead of every file being read twice.
    package var kyvernoPolicyPaths: Set<String>?

    package init(
        workloads: [(namespace: String, key: Workspace.WorkloadKey)] = [],
        kustomizationNamespaces: [String: String] = [:],
        workspace: Workspace? = nil
    ) {
        self.workloads = workloads
        self.kustomizationNamespaces = kustomizationNamespaces
        self.workspace = workspace
    }
}
