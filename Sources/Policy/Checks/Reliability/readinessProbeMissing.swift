import Manifests

/// Polaris `readinessProbeMissing`: every container (not init containers, not Jobs) has a `readinessProbe`.
struct ReadinessProbeMissing: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "readinessProbeMissing", category: .reliability, target: "Container",
        title: "Readiness probe should be configured",
        description:
            "Without a readinessProbe traffic is sent to the container before it is ready, and after it stops being able to serve.",
        remediation: "Add a `readinessProbe` (httpGet on a health endpoint, or tcpSocket on the serving port)."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container, actions: [.set(["readinessProbe"], .tcpProbeOnContainerPort)],
            reason: "traffic waits until the serving port accepts connections")
    }

    var excludedKinds: Set<String> { ["Job", "CronJob"] }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard container.node["readinessProbe"]?.isMapping != true else { return nil }
        return .missing(["readinessProbe"], in: container, message: "readinessProbe is not configured")
    }
}
