import Manifests

/// Polaris `metadataAndInstanceMismatched`: the `app.kubernetes.io/instance` label equals the object's name.
struct MetadataAndInstanceMismatched: Check {
    static let metadata = CheckMetadata(
        id: "metadataAndInstanceMismatched", category: .reliability, target: "Controller",
        title: "Label app.kubernetes.io/instance should match metadata.name",
        description:
            "Tools that group objects by instance (dashboards, `kubectl` selectors, Helm) show the workload under the wrong name.",
        remediation: "Set the `app.kubernetes.io/instance` label to the object's `metadata.name`."
    )

    func applies(to object: KubernetesObject) -> Bool { object.podTemplate != nil }

    func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        guard let instance = object.labels["app.kubernetes.io/instance"], instance != object.name else { return [] }
        return [
            .at(
                ["metadata", "labels", "app.kubernetes.io/instance"], in: object,
                message: "label app.kubernetes.io/instance is \(instance) but the name is \(object.name)")
        ]
    }
}
