import Manifests

/// Polaris `deploymentMissingReplicas`: a Deployment runs at least two replicas.
struct DeploymentMissingReplicas: KindCheck {
    static let metadata = CheckMetadata(
        id: "deploymentMissingReplicas", category: .reliability, target: "Deployment",
        title: "Deployments should have at least two replicas",
        description: "A single replica means downtime on every node drain, eviction or crash.",
        remediation:
            "Set `spec.replicas` to 2 or more, or let a HorizontalPodAutoscaler with `minReplicas` of 2 or more own it."
    )

    let kinds: Set<String> = ["Deployment"]

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        let replicas = object.node["spec", "replicas"]
        if let count = replicas?.int, count >= 2 { return [] }
        let message =
            replicas?.int.map { "only \($0) replica(s): set spec.replicas to 2 or more" }
            ?? "spec.replicas is not set: run at least 2 replicas"
        return [.at(["spec", "replicas"], in: object, message: message)]
    }
}
