import Manifests

/// An object written with an apiVersion that its component deprecated or removed
/// (`config/deprecations.yaml`): danger once removed in the target release, warning while deprecated.
struct DeprecatedApiVersion: Check {
    static let metadata = CheckMetadata(
        id: "deprecatedApiVersion", category: .compatibility, target: "Any object",
        title: "apiVersion should be current for the target release",
        description:
            "An apiVersion removed from the target release is refused by the API server: the object cannot be applied and GitOps sync fails. A deprecated one will be removed in a later release.",
        remediation:
            "Move the object to the replacement apiVersion named in the message (and adapt its fields where the schema changed)."
    )

    /// Kinds whose replacement apiVersion has the same schema, so renaming it is the whole fix.
    static let sameSchemaReplacements: Set<String> = [
        "batch/v1beta1 CronJob", "policy/v1beta1 PodDisruptionBudget", "scheduling.k8s.io/v1beta1 PriorityClass",
        "storage.k8s.io/v1beta1 StorageClass", "storage.k8s.io/v1beta1 CSIDriver", "storage.k8s.io/v1beta1 CSINode",
        "rbac.authorization.k8s.io/v1beta1 Role", "rbac.authorization.k8s.io/v1beta1 RoleBinding",
        "rbac.authorization.k8s.io/v1beta1 ClusterRole", "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding",
        "rbac.authorization.k8s.io/v1alpha1 Role", "rbac.authorization.k8s.io/v1alpha1 RoleBinding",
        "rbac.authorization.k8s.io/v1alpha1 ClusterRole", "rbac.authorization.k8s.io/v1alpha1 ClusterRoleBinding",
        "coordination.k8s.io/v1beta1 Lease", "discovery.k8s.io/v1beta1 EndpointSlice",
        "node.k8s.io/v1beta1 RuntimeClass",
        "networking.k8s.io/v1beta1 IngressClass", "extensions/v1beta1 NetworkPolicy",
        "autoscaling/v2beta2 HorizontalPodAutoscaler",
        // Workloads move to apps/v1 unchanged but for the selector apps/v1 requires (added below).
        "extensions/v1beta1 Deployment", "apps/v1beta1 Deployment", "apps/v1beta2 Deployment",
        "extensions/v1beta1 DaemonSet", "apps/v1beta2 DaemonSet",
        "extensions/v1beta1 ReplicaSet", "apps/v1beta1 ReplicaSet", "apps/v1beta2 ReplicaSet",
        "apps/v1beta1 StatefulSet", "apps/v1beta2 StatefulSet",
    ]

    var fix: FixRecipe? {
        FixRecipe(
            target: .object,
            actions: [
                .migrateShape,
                .set(["apiVersion"], .replacementAPIVersion(sameSchema: Self.sameSchemaReplacements)),
                // apps/v1 no longer defaults the selector to the template's labels.
                .setIfMissing(
                    ["spec", "selector", "matchLabels"],
                    .copy(of: ["spec", "template", "metadata", "labels"], otherwise: nil),
                    kinds: ["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"]),
            ], reason: "the same object under the apiVersion that replaces the removed one")
    }

    func applies(to object: KubernetesObject) -> Bool { true }

    func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        let settings = workspace.settings
        guard let api = settings.deprecations.entry(apiVersion: object.apiVersion, kind: object.kind),
            let target = settings.target(for: api.component)
        else { return [] }
        let status = api.status(at: target)
        guard status != .current else { return [] }
        let position = object.node.keyPosition(["apiVersion"]) ?? object.anchor
        return [
            Violation(
                at: position, path: object.path.appending("apiVersion"),
                message: message(api, status: status, target: target),
                severity: status == .removed ? .danger : .warning)
        ]
    }

    private func message(_ api: DeprecatedAPI, status: DeprecatedAPI.Status, target: ReleaseVersion) -> String {
        let component = api.componentName
        var text = "\(api.apiVersion) \(api.kind ?? "")".trimmingWhitespace
        switch status {
        case .removed:
            text += " was removed in \(component) \(api.removedIn.map(String.init(describing:)) ?? "")"
            text += " (target \(target))"
        default:
            text += " is deprecated since \(component) \(api.deprecatedIn.map(String.init(describing:)) ?? "")"
            if let removedIn = api.removedIn { text += " and is removed in \(removedIn)" }
        }
        if let replacement = api.replacement {
            text += ": use \(replacement)"
            if let available = api.replacementAvailableIn { text += " (available since \(component) \(available))" }
        } else {
            text += ": it has no replacement"
        }
        if let note = api.note { text += "; \(note)" }
        return text
    }
}
