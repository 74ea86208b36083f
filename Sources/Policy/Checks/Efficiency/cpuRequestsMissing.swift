import Manifests

/// Polaris `cpuRequestsMissing`: every container sets `resources.requests.cpu`.
struct CpuRequestsMissing: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "cpuRequestsMissing", category: .efficiency, target: "Container",
        title: "CPU requests should be set",
        description:
            "Without CPU requests the scheduler cannot place the pod on a node with enough CPU, and the pod is first to be starved.",
        remediation: "Set resources.requests.cpu (for example `100m`), sized from observed usage."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container,
            actions: [.set(["resources", "requests", "cpu"], .configuredRequest(.cpu, otherwise: .plain("100m")))],
            reason:
                "a starting CPU request (fixes.resources in the configuration, else 100m); size it from observed usage")
    }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let keys = ["resources", "requests", "cpu"]
        guard container.node.value(at: keys)?.string?.isEmpty ?? true else { return nil }
        return .missing(keys, in: container, message: "CPU requests are not set: add resources.requests.cpu")
    }
}
