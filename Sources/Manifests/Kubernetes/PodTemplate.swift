/// A pod spec found inside an object, with the nodes findings anchor to.
package struct PodTemplate: Sendable {
    /// The pod spec mapping.
    package var spec: YAMLNode
    /// The `spec:` key of the pod spec: where findings about a missing pod-level field anchor.
    package var specKey: YAMLNode
    /// The pod's metadata (the template's, or the Pod's own).
    package var metadata: YAMLNode?
    package var path: DocumentPath
    /// Where the pod's metadata is (or would be) in the document.
    package var metadataPath: DocumentPath
    package var containers: [ContainerSpec]
    package var initContainers: [ContainerSpec]

    package var labels: [String: String] { metadata?["labels"]?.stringMap ?? [:] }
    package var annotations: [String: String] { metadata?["annotations"]?.stringMap ?? [:] }
    package var securityContext: YAMLNode? { spec["securityContext"] }
    package var allContainers: [ContainerSpec] { initContainers + containers }

    /// Kinds whose pod template sits at `spec.template`; CronJob nests it under `jobTemplate`,
    /// a Pod is its own template, and any other kind qualifies when `spec.template.spec`
    /// holds a list of containers (Argo Rollouts, Knative Services and the like).
    static let templateKinds: Set<String> = [
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
    ]

    static func find(in object: YAMLNode, kind: String, objectPath: DocumentPath) -> PodTemplate? {
        switch kind {
        case "Pod":
            return make(holder: object, metadata: object["metadata"], path: objectPath)
        case "CronJob":
            guard let template = object["spec", "jobTemplate", "spec", "template"] else { return nil }
            return make(
                holder: template, metadata: template["metadata"],
                path: objectPath.appending("spec", "jobTemplate", "spec", "template"))
        default:
            guard let template = object["spec", "template"], template.isMapping else { return nil }
            let known = templateKinds.contains(kind)
            guard known || template["spec", "containers"]?.isSequence == true else { return nil }
            return make(
                holder: template, metadata: template["metadata"], path: objectPath.appending("spec", "template"))
        }
    }

    private static func make(holder: YAMLNode, metadata: YAMLNode?, path holderPath: DocumentPath) -> PodTemplate? {
        guard let entry = holder.entry("spec"), entry.value.isMapping else { return nil }
        let specPath = holderPath.appending("spec")
        return PodTemplate(
            spec: entry.value,
            specKey: entry.key,
            metadata: metadata,
            path: specPath,
            metadataPath: holderPath.appending("metadata"),
            containers: ContainerSpec.list(in: entry.value, key: "containers", isInit: false, podPath: specPath),
            initContainers: ContainerSpec.list(in: entry.value, key: "initContainers", isInit: true, podPath: specPath)
        )
    }
}
