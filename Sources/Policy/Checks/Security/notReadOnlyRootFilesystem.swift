import Manifests

/// Polaris `notReadOnlyRootFilesystem`: every container's root filesystem is read-only.
struct NotReadOnlyRootFilesystem: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "notReadOnlyRootFilesystem", category: .security, target: "Container",
        title: "Filesystem should be read only",
        description: "A writable root filesystem lets an attacker drop tools and change binaries inside the container.",
        remediation:
            "Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where the program must write."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container, actions: [.set(["securityContext", "readOnlyRootFilesystem"], .plain("true"))],
            reason: "the image cannot be changed at run time; may need a writable emptyDir where the program writes",
            appliesByDefault: false)
    }

    var includesInitContainers: Bool { true }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let keys = ["securityContext", "readOnlyRootFilesystem"]
        guard container.node.value(at: keys)?.bool != true else { return nil }
        if container.node.value(at: keys) != nil {
            return .present(
                keys, in: container,
                message: "root filesystem is writable: set securityContext.readOnlyRootFilesystem to true")
        }
        return .missing(
            keys, in: container,
            message: "root filesystem is writable: set securityContext.readOnlyRootFilesystem: true")
    }
}
