import Manifests

/// Polaris `memoryRequestsMissing`: every container sets `resources.requests.memory`.
struct MemoryRequestsMissing: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "memoryRequestsMissing", category: .efficiency, target: "Container",
        title: "Memory requests should be set",
        description:
            "Without Memory requests the scheduler cannot reserve memory for the pod, which is first to be evicted under memory pressure.",
        remediation: "Set resources.requests.memory (for example `128Mi`), sized from observed usage."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container,
            actions: [
                .set(["resources", "requests", "memory"], .configuredRequest(.memory, otherwise: .plain("128Mi")))
            ],
            reason:
                "a starting memory request (fixes.resources in the configuration, else 128Mi); size it from observed usage"
        )
    }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let keys = ["resources", "requests", "memory"]
        guard container.node.value(at: keys)?.string?.isEmpty ?? true else { return nil }
        return .missing(keys, in: container, message: "Memory requests are not set: add resources.requests.memory")
    }
}
