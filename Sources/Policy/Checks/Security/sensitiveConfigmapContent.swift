import Manifests

/// Polaris `sensitiveConfigmapContent`: a ConfigMap holds no secret-looking keys or private keys.
struct SensitiveConfigmapContent: KindCheck {
    static let metadata = CheckMetadata(
        id: "sensitiveConfigmapContent", category: .security, target: "ConfigMap",
        title: "ConfigMaps should not hold secrets",
        description:
            "ConfigMaps are not encrypted at rest by default and are readable by far more people than Secrets.",
        remediation: "Move the value into a Secret (or an external secret store) and reference it from there."
    )

    let kinds: Set<String> = ["ConfigMap"]

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        for entry in object.node["data"]?.entries ?? [] {
            let key = entry.keyText ?? ""
            let value = entry.value.string ?? ""
            guard SensitiveContent.isSensitiveName(key) || SensitiveContent.containsPrivateKey(value) else { continue }
            return [
                Violation(
                    at: entry.key.start, path: object.path.appending("data", key),
                    message: "data key \(key) looks like a secret: move it into a Secret")
            ]
        }
        return []
    }
}
