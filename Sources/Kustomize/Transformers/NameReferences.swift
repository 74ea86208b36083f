/// Rewrites references to objects the build renamed (prefix, suffix, hash, namespace), as
/// kustomize's name reference transformer does at the end of a build; the table is kustomize's
/// built-in one (`namereference.go`).
enum NameReferences {
    struct Rule {
        var kind: String
        var group: String?
        var referrers: [FieldSpec]
    }

    private static let podSpecPrefixes: [(kind: String, prefix: String)] = [
        ("Pod", "spec"), ("PodTemplate", "template/spec"), ("Deployment", "spec/template/spec"),
        ("ReplicaSet", "spec/template/spec"),
        ("DaemonSet", "spec/template/spec"), ("StatefulSet", "spec/template/spec"), ("Job", "spec/template/spec"),
        ("CronJob", "spec/jobTemplate/spec/template/spec"),
    ]
    private static let workloadPrefixes: [(kind: String, prefix: String)] = [
        ("Pod", "spec"), ("StatefulSet", "spec/template/spec"), ("Deployment", "spec/template/spec"),
        ("ReplicationController", "spec/template/spec"),
        ("CronJob", "spec/jobTemplate/spec/template/spec"), ("Job", "spec/template/spec"),
        ("DaemonSet", "spec/template/spec"),
    ]

    private static func inPodSpecs(_ paths: [String], kinds: [(kind: String, prefix: String)] = podSpecPrefixes)
        -> [FieldSpec]
    {
        kinds.flatMap { kind, prefix in paths.map { FieldSpec(prefix + "/" + $0, kind: kind) } }
    }

    static let rules: [Rule] =
        [
            Rule(
                kind: "ConfigMap", group: "",
                referrers: inPodSpecs([
                    "volumes/configMap/name", "containers/env/valueFrom/configMapKeyRef/name",
                    "initContainers/env/valueFrom/configMapKeyRef/name",
                    "containers/envFrom/configMapRef/name", "initContainers/envFrom/configMapRef/name",
                    "volumes/projected/sources/configMap/name",
                ]) + [
                    FieldSpec("spec/configSource/configMap", kind: "Node"),
                    FieldSpec(
                        "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap", kind: "Ingress"),
                ]),
            Rule(
                kind: "Secret", group: "",
                referrers: inPodSpecs([
                    "volumes/secret/secretName", "containers/env/valueFrom/secretKeyRef/name",
                    "initContainers/env/valueFrom/secretKeyRef/name",
                    "containers/envFrom/secretRef/name", "initContainers/envFrom/secretRef/name",
                    "imagePullSecrets/name",
                    "volumes/projected/sources/secret/name",
                ]) + [
                    FieldSpec("spec/tls/secretName", kind: "Ingress"),
                    FieldSpec("metadata/annotations/ingress.kubernetes.io\\/auth-secret", kind: "Ingress"),
                    FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret", kind: "Ingress"),
                    FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret", kind: "Ingress"),
                    FieldSpec("imagePullSecrets/name", kind: "ServiceAccount"),
                    FieldSpec("parameters/secretName", kind: "StorageClass"),
                    FieldSpec("parameters/adminSecretName", kind: "StorageClass"),
                    FieldSpec("parameters/userSecretName", kind: "StorageClass"),
                    FieldSpec("parameters/secretRef", kind: "StorageClass"),
                    FieldSpec(
                        "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", kind: "Service",
                        group: "serving.knative.dev", version: "v1"),
                    FieldSpec("spec/azureFile/secretName", kind: "PersistentVolume"),
                ]),
            Rule(
                kind: "Service", group: "",
                referrers: [
                    FieldSpec("spec/serviceName", kind: "StatefulSet", group: "apps"),
                    FieldSpec("spec/rules/http/paths/backend/serviceName", kind: "Ingress"),
                    FieldSpec("spec/backend/serviceName", kind: "Ingress"),
                    FieldSpec("spec/rules/http/paths/backend/service/name", kind: "Ingress"),
                    FieldSpec("spec/defaultBackend/service/name", kind: "Ingress"),
                    FieldSpec("spec/service/name", kind: "APIService", group: "apiregistration.k8s.io"),
                ]),
            Rule(
                kind: "ServiceAccount", group: "",
                referrers: inPodSpecs(["serviceAccountName"], kinds: workloadPrefixes)),
            Rule(
                kind: "PersistentVolumeClaim", group: "",
                referrers: inPodSpecs(["volumes/persistentVolumeClaim/claimName"], kinds: workloadPrefixes)),
            Rule(
                kind: "PersistentVolume", group: "",
                referrers: [FieldSpec("spec/volumeName", kind: "PersistentVolumeClaim")]),
            Rule(
                kind: "StorageClass", group: "storage.k8s.io",
                referrers: [
                    FieldSpec("spec/storageClassName", kind: "PersistentVolume"),
                    FieldSpec("spec/storageClassName", kind: "PersistentVolumeClaim"),
                    FieldSpec("spec/volumeClaimTemplates/spec/storageClassName", kind: "StatefulSet"),
                ]),
            Rule(
                kind: "PriorityClass", group: "scheduling.k8s.io",
                referrers: inPodSpecs(["priorityClassName"], kinds: workloadPrefixes)),
            Rule(
                kind: "IngressClass", group: "networking.k8s.io",
                referrers: [FieldSpec("spec/ingressClassName", kind: "Ingress")]),
            Rule(
                kind: "ValidatingAdmissionPolicy", group: "admissionregistration.k8s.io",
                referrers: [
                    FieldSpec(
                        "spec/policyName", kind: "ValidatingAdmissionPolicyBinding",
                        group: "admissionregistration.k8s.io")
                ]),
        ]
        + ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"].map {
            Rule(
                kind: $0, group: nil,
                referrers: [FieldSpec("spec/scaleTargetRef/name", kind: "HorizontalPodAutoscaler")])
        }

    static func fix(_ resources: inout [Resource], extraRules: [Rule] = []) {
        let rules = Self.rules + extraRules
        // Only objects a renaming transformer ran over are referral candidates (kustomize's
        // previous ids), whether or not their name actually changed.
        let candidates = resources.filter { !$0.previousIDs.isEmpty }
        guard !candidates.isEmpty else { return }
        for index in resources.indices {
            let referrer = resources[index]
            let referrerID = referrer.id
            var node = referrer.node
            for rule in rules {
                let ofKind = candidates.filter { candidate in
                    candidate.previousIDs.contains { $0.kind == rule.kind }
                        && (rule.group == nil || candidate.id.group == rule.group)
                }
                guard !ofKind.isEmpty else { continue }
                for spec in rule.referrers where spec.selects(referrerID) {
                    spec.visit(&node, origin: nil) { field in
                        guard var value = field, let name = value.string,
                            let referral = select(name, among: ofKind, referrer: referrer), referral.name != name
                        else { return }
                        value.value = .scalar(Scalar(text: referral.name, kind: .string))
                        field = value
                    }
                }
            }
            fixBindings(&node, referrer: referrer, candidates: candidates)
            resources[index].node = node
        }
    }

    /// kustomize's choice of the object a name refers to: one that had the name, in the
    /// referrer's namespace unless either is cluster-scoped (ServiceAccounts may be anywhere).
    private static func select(_ name: String, among candidates: [Resource], referrer: Resource) -> Resource? {
        var found = candidates.filter { candidate in candidate.previousIDs.contains { $0.name == name } }
        if !referrer.id.isClusterScoped {
            found = found.filter {
                $0.id.isClusterScoped || $0.kind == "ServiceAccount"
                    || $0.id.effectiveNamespace == referrer.id.effectiveNamespace
            }
        }
        guard let first = found.first else { return nil }
        if found.count == 1 { return first }
        // Several candidates that are one object as far as the reference goes.
        return found.allSatisfy({ $0.name == first.name && $0.namespace == first.namespace }) ? first : nil
    }

    /// `roleRef` of (Cluster)RoleBindings (the role of the named kind), and their
    /// ServiceAccount subjects, whose name and namespace both follow the account.
    private static func fixBindings(_ node: inout Node, referrer: Resource, candidates: [Resource]) {
        guard referrer.kind == "RoleBinding" || referrer.kind == "ClusterRoleBinding" else { return }
        if var roleRef = node["roleRef"], let kind = roleRef["kind"]?.string, let name = roleRef["name"]?.string,
            kind == "Role" || kind == "ClusterRole"
        {
            let roles = candidates.filter { candidate in candidate.previousIDs.contains { $0.kind == kind } }
            if let referral = select(name, among: roles, referrer: referrer), referral.name != name {
                roleRef["name"] = Node(
                    .scalar(Scalar(text: referral.name, kind: .string)), origin: roleRef["name"]?.origin)
                node["roleRef"] = roleRef
            }
        }
        guard var subjects = node["subjects"]?.items else { return }
        let accounts = candidates.filter { candidate in candidate.previousIDs.contains { $0.kind == "ServiceAccount" } }
        guard !accounts.isEmpty else { return }
        for index in subjects.indices {
            guard subjects[index]["kind"]?.string == "ServiceAccount", let name = subjects[index]["name"]?.string else {
                continue
            }
            var pool = accounts
            if let namespace = subjects[index]["namespace"]?.string {
                let byOriginal = accounts.filter { $0.originalID.effectiveNamespace == namespace }
                pool = byOriginal.isEmpty ? accounts.filter { $0.id.effectiveNamespace == namespace } : byOriginal
            }
            guard let referral = select(name, among: pool, referrer: referrer) else { continue }
            let namespace = referral.namespace ?? ""
            if referral.name == name, namespace.isEmpty { continue }
            subjects[index]["name"] = Node(
                .scalar(Scalar(text: referral.name, kind: .string)), origin: subjects[index]["name"]?.origin)
            if !namespace.isEmpty {
                subjects[index]["namespace"] = Node(
                    .scalar(Scalar(text: namespace, kind: .string)),
                    origin: subjects[index]["namespace"]?.origin ?? subjects[index]["name"]?.origin)
            }
        }
        node["subjects"] = Node(.sequence(subjects), origin: node["subjects"]?.origin)
    }
}
