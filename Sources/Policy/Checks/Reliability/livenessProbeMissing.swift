import Manifests

/// Polaris `livenessProbeMissing`: every container (not init containers, not Jobs) has a `livenessProbe`.
struct LivenessProbeMissing: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "livenessProbeMissing", category: .reliability, target: "Container",
        title: "Liveness probe should be configured",
        description: "Without a livenessProbe a container that hangs is never restarted.",
        remediation: "Add a `livenessProbe` (httpGet on a health endpoint, or tcpSocket on the serving port)."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .container, actions: [.set(["livenessProbe"], .tcpProbeOnContainerPort)],
            reason:
                "the container restarts when its port stops accepting connections; a wrong liveness probe restarts healthy pods, so review it",
            appliesByDefault: false)
    }

    var excludedKinds: Set<String> { ["Job", "CronJob"] }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard container.node["livenessProbe"]?.isMapping != true else { return nil }
        return .missing(["livenessProbe"], in: container, message: "livenessProbe is not configured")
    }
}
