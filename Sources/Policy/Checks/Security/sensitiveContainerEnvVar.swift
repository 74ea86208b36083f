import Manifests

/// Polaris `sensitiveContainerEnvVar`: secrets do not sit in plain text in `env`.
struct SensitiveContainerEnvVar: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "sensitiveContainerEnvVar", category: .security, target: "Container",
        title: "Secrets should not be written in environment variables",
        description:
            "A literal value in the manifest is readable by everyone with access to the repository or to the object.",
        remediation: "Move the value into a Secret and reference it with `valueFrom.secretKeyRef`."
    )

    var includesInitContainers: Bool { true }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard let variables = container.node["env"]?.items else { return nil }
        for (index, variable) in variables.enumerated() {
            guard let entry = variable.entry("value"), let value = entry.value.string, !value.isEmpty else { continue }
            let name = variable["name"]?.string ?? ""
            guard SensitiveContent.isSensitiveName(name) || SensitiveContent.containsPrivateKey(value) else { continue }
            return Violation(
                at: entry.key.start, path: container.path.appending("env").appending(index: index).appending("value"),
                message: "env \(name) holds a literal value that looks secret: use valueFrom.secretKeyRef")
        }
        return nil
    }
}
