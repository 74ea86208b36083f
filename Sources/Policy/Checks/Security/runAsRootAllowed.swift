import Manifests

/// Polaris `runAsRootAllowed`: every container is kept from running as root, by its own
/// security context or by the pod's (which the container must not undo).
struct RunAsRootAllowed: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "runAsRootAllowed", category: .security, target: "Container",
        title: "Containers should not be allowed to run as root",
        description: "A process running as root inside the container is one kernel bug away from root on the node.",
        remediation:
            "Set `securityContext.runAsNonRoot: true` (and a `runAsUser` of 1 or more if the image has no non-root user) on the pod or the container."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container, actions: [.set(["securityContext", "runAsNonRoot"], .plain("true"))],
            reason: "the kubelet refuses to start the container as root (the image needs a non-root USER)")
    }

    var includesInitContainers: Bool { true }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let own = container.securityContext
        if let own, Self.forbidsRoot(own) { return nil }
        if let podContext = pod.securityContext, Self.forbidsRoot(podContext), !Self.undoes(own) { return nil }
        if let own, own["runAsNonRoot"]?.bool == false || (own["runAsUser"]?.int).map({ $0 < 1 }) == true {
            let keys =
                own["runAsNonRoot"]?.bool == false
                ? ["securityContext", "runAsNonRoot"] : ["securityContext", "runAsUser"]
            return .present(
                keys, in: container, message: "the container may run as root: set securityContext.runAsNonRoot: true")
        }
        return .missing(
            ["securityContext", "runAsNonRoot"], in: container,
            message: "nothing stops the container from running as root: set securityContext.runAsNonRoot: true")
    }

    /// `runAsUser` of 1 or more, or `runAsNonRoot: true`.
    static func forbidsRoot(_ context: YAMLNode) -> Bool {
        if let user = context["runAsUser"]?.int, user >= 1 { return true }
        return context["runAsNonRoot"]?.bool == true
    }

    /// A container setting that overrides a safe pod default: `runAsUser: 0` or `runAsNonRoot: false`.
    static func undoes(_ context: YAMLNode?) -> Bool {
        guard let context else { return false }
        if let user = context["runAsUser"]?.int, user < 1 { return true }
        return context["runAsNonRoot"]?.bool == false
    }
}
