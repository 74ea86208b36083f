import Manifests

/// Polaris `memoryLimitsMissing`: every container sets `resources.limits.memory`.
struct MemoryLimitsMissing: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "memoryLimitsMissing", category: .efficiency, target: "Container",
        title: "Memory limits should be set",
        description:
            "Without Memory limits the container can take all the memory of its node until the kernel kills something else.",
        remediation: "Set resources.limits.memory, usually equal to the memory request."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container,
            actions: [
                .set(
                    ["resources", "limits", "memory"],
                    .copy(
                        of: ["resources", "requests", "memory"],
                        otherwise: .configuredRequest(.memory, otherwise: .plain("128Mi"))))
            ],
            reason: "the limit equals the memory request, so the container is never killed for using what it asked for",
            runsAfterOthers: true)
    }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let keys = ["resources", "limits", "memory"]
        guard container.node.value(at: keys)?.string?.isEmpty ?? true else { return nil }
        return .missing(keys, in: container, message: "Memory limits are not set: add resources.limits.memory")
    }
}
