import Manifests

/// Polaris `automountServiceAccountToken`: the pod does not get an API token mounted unless it
/// asks for one, either on the pod spec or on its ServiceAccount (found in the tree).
struct AutomountServiceAccountToken: Check {
    static let metadata = CheckMetadata(
        id: "automountServiceAccountToken", category: .security, target: "PodSpec",
        title: "The service account token should not be mounted unless needed",
        description:
            "A mounted token lets anything that compromises the container talk to the Kubernetes API as the pod's service account.",
        remediation:
            "Set `automountServiceAccountToken: false` on the pod spec or on its ServiceAccount, and mount a projected token only where the API is used."
    )

    var fix: FixRecipe? {
        FixRecipe(
            target: .podSpec, actions: [.set(["automountServiceAccountToken"], .plain("false"))],
            reason: "no API token is mounted into the pod", appliesByDefault: false)
    }

    var needsWorkspace: Bool { true }

    func applies(to object: KubernetesObject) -> Bool { object.podTemplate != nil }

    func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        guard let pod = object.podTemplate else { return [] }
        switch pod.spec["automountServiceAccountToken"]?.bool {
        case false: return []
        case true:
            return [
                .present(
                    ["automountServiceAccountToken"], in: pod,
                    message: "automountServiceAccountToken is true: set it to false unless the pod calls the API")
            ]
        case nil:
            let accountName = pod.spec["serviceAccountName"]?.string ?? pod.spec["serviceAccount"]?.string ?? "default"
            let accounts = workspace.named("ServiceAccount", accountName, near: object)
            if accounts.contains(where: { $0.node["automountServiceAccountToken"]?.bool == false }) { return [] }
            let reason =
                accounts.isEmpty
                ? "ServiceAccount \(accountName) is not in this tree"
                : "ServiceAccount \(accountName) does not disable it"
            return [
                .missing(
                    ["automountServiceAccountToken"], in: pod,
                    message: "the service account token is mounted (\(reason)): set automountServiceAccountToken: false"
                )
            ]
        }
    }
}
