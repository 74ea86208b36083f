import Manifests

/// Polaris `pullPolicyNotAlways`: `imagePullPolicy` is `Always`.
struct PullPolicyNotAlways: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "pullPolicyNotAlways", category: .reliability, target: "Container",
        title: "Image pull policy should be Always",
        description:
            "With a cached image, a node may run an image other than the registry's current one for the same tag, and skips the registry's access check.",
        remediation: "Set `imagePullPolicy: Always`."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container, actions: [.set(["imagePullPolicy"], .string("Always"))],
            reason: "every start pulls the image the registry holds for the tag")
    }

    var includesInitContainers: Bool { true }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let policy = container.node["imagePullPolicy"]?.string
        guard policy != "Always" else { return nil }
        if let policy {
            return .present(
                ["imagePullPolicy"], in: container, message: "imagePullPolicy is \(policy): set it to Always")
        }
        return .missing(["imagePullPolicy"], in: container, message: "imagePullPolicy is not set: set it to Always")
    }
}
