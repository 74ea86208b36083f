import Manifests

/// Every namespace that runs workloads in the tree has a ResourceQuota.
struct MissingResourceQuota: NamespaceGuardRail {
    static let metadata = CheckMetadata(
        id: "missingResourceQuota", category: .efficiency, target: "Namespace (via its first workload)",
        title: "Namespaces with workloads should have a ResourceQuota",
        description:
            "Without a quota, one team's runaway Deployment or a bad autoscaler setting can take the whole cluster's capacity.",
        remediation: "Add a ResourceQuota to the namespace that caps requests, limits and object counts."
    )

    let requiredKind = "ResourceQuota"

    func message(namespace: String) -> String {
        "namespace \(namespace) has workloads but no ResourceQuota in this tree: add one"
    }
}
