import Manifests

/// Polaris `tlsSettingsMissing`: an Ingress serves TLS.
struct TlsSettingsMissing: KindCheck {
    static let metadata = CheckMetadata(
        id: "tlsSettingsMissing", category: .security, target: "Ingress",
        title: "Ingresses should configure TLS",
        description: "Without `tls` the Ingress serves plain HTTP: credentials and cookies cross the network readable.",
        remediation:
            "Add `spec.tls` with the hosts and the Secret holding their certificate (cert-manager can issue it)."
    )

    let kinds: Set<String> = ["Ingress"]

    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation] {
        guard object.node["spec", "tls"]?.items == nil else { return [] }
        return [.at(["spec", "tls"], in: object, message: "no spec.tls: the Ingress serves plain HTTP")]
    }
}
