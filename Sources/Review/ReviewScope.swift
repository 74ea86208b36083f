/// Which files a review reads, at head and at the merge base: the changed files; the context
/// (PodDisruptionBudgets, NetworkPolicies, roles, quotas, kustomizations) in the namespaces the
/// change touches; and, when the change touched context, the workloads and bindings of those
/// namespaces, whose findings the change may have caused. Everything else is known from facts.
struct ReviewScope {
    let head: TreeIndex
    let base: TreeIndex
    let headPaths: Set<String>
    let basePaths: Set<String>
    /// The namespaces the change touches; nil when an object without one makes it all of them.
    let namespaces: Set<String>?

    init(changedPaths: Set<String>, oldPaths: Set<String>, head: TreeIndex, base: TreeIndex) {
        self.head = head
        self.base = base
        let headNamespaces = head.namespaces(of: changedPaths)
        let baseNamespaces = base.namespaces(of: oldPaths)
        let names = headNamespaces.names.union(baseNamespaces.names)
        let everywhere = headNamespaces.unplaced || baseNamespaces.unplaced
        namespaces = everywhere ? nil : names
        let contextChanged =
            changedPaths.contains { head.facts($0)?.hasContext ?? false }
            || oldPaths.contains { base.facts($0)?.hasContext ?? false }

        func paths(in tree: TreeIndex, own: Set<String>) -> Set<String> {
            var paths = own.filter { tree.file($0) != nil }
            paths.formUnion(tree.paths(withRole: .context, in: names, allNamespaces: everywhere))
            if contextChanged {
                paths.formUnion(tree.paths(withRole: .dependent, in: names, allNamespaces: everywhere))
            }
            return paths
        }
        headPaths = paths(in: head, own: changedPaths)
        basePaths = paths(in: base, own: oldPaths)
    }
}
