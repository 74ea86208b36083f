import Manifests

/// Polaris `cpuLimitsMissing`: every container sets `resources.limits.cpu`.
struct CpuLimitsMissing: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "cpuLimitsMissing", category: .efficiency, target: "Container",
        title: "CPU limits should be set",
        description: "Without CPU limits the container can use every CPU on its node and slow its neighbours.",
        remediation: "Set resources.limits.cpu, or exempt the check if your team leaves CPU unlimited on purpose."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container,
            actions: [
                .set(
                    ["resources", "limits", "cpu"],
                    .copy(
                        of: ["resources", "requests", "cpu"],
                        otherwise: .configuredRequest(.cpu, otherwise: .plain("100m"))))
            ],
            reason: "a CPU limit equal to the request; many teams leave CPU unlimited on purpose",
            appliesByDefault: false,
            enabledBySetting: .cpuLimits, runsAfterOthers: true)
    }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        let keys = ["resources", "limits", "cpu"]
        guard container.node.value(at: keys)?.string?.isEmpty ?? true else { return nil }
        return .missing(keys, in: container, message: "CPU limits are not set: add resources.limits.cpu")
    }
}
