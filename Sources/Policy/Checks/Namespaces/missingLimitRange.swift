import Manifests

/// Every namespace that runs workloads in the tree has a LimitRange.
struct MissingLimitRange: NamespaceGuardRail {
    static let metadata = CheckMetadata(
        id: "missingLimitRange", category: .efficiency, target: "Namespace (via its first workload)",
        title: "Namespaces with workloads should have a LimitRange",
        description:
            "A LimitRange gives containers that forget requests and limits sensible defaults, and bounds what one container may ask for.",
        remediation: "Add a LimitRange to the namespace with default requests and limits for containers."
    )

    let requiredKind = "LimitRange"

    func message(namespace: String) -> String {
        "namespace \(namespace) has workloads but no LimitRange in this tree: add one"
    }
}
