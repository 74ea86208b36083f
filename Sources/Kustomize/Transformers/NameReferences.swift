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
        ("Pod", "spec"), ("PodTemplate", "template/spec"), ("Deployment", "spec/template/spec"), ("ReplicaSet", "spec/template/spec"),
        ("DaemonSet", "spec/template/spec"), ("StatefulSet", "spec/template/spec"), ("Job", "spec/template/spec"),
        ("CronJob", "spec/jobTemplate/spec/template/spec"),
    ]
    private static let workloadPrefixes: [(kind: String, prefix: String)] = [
        ("Pod", "spec"), ("StatefulSet", "spec/template/spec"), ("Deployment", "spec/template/spec"), ("ReplicationController", "spec/template/spec"),
        ("CronJob", "spec/jobTemplate/spec/template/spec"), ("Job", "spec/template/spec"), ("DaemonSet", "spec/template/spec"),
    ]

    private static func inPodSpecs(_ paths: [String], kinds: [(kind: String, prefix: String)] = podSpecPrefixes) -> [FieldSpec] {
        kinds.flatMap { kind, prefix in paths.map { FieldSpec(prefix + "/" + $0, kind: kind) } }
    }

    static let rules: [Rule] = [
        Rule(kind: "ConfigMap", group: "", referrers: inPodSpecs([
            "volumes/configMap/name", "containers/env/valueFrom/configMapKeyRef/name", "initContainers/env/valueFrom/configMapKeyRef/name",
            "containers/envFrom/configMapRef/name", "initContainers/envFrom/configMapRef/name", "volumes/projected/sources/configMap/name",
        ]) + [
            FieldSpec("spec/configSource/configMap", kind: "Node"),
            FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap", kind: "Ingress"),
        ]),
        Rule(kind: "Secret", group: "", referrers: inPodSpecs([
            "volumes/secret/secretName", "containers/env/valueFrom/secretKeyRef/name", "initContainers/env/valueFrom/secretKeyRef/name",
            "containers/envFrom/secretRef/name", "initContainers/envFrom/secretRef/name", "imagePullSecrets/name",
            "volumes/projected/sources/secret/name",
        ]) + [
            FieldSpec("spec/tls/secretName", kind: "Ingress"),
            FieldSpec("metadata/annotations/ingress.kubernetes.io\\/auth-secret", kind: "Ingress"),
            FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret", kind: "Ingress"),
            FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret", kind: "Ingress"),
            FieldSpec("imagePullSecrets/name", kind: "ServiceAccount"),
            FieldSpec("parameters/secretName", kind: "StorageClass"), FieldSpec("parameters/adminSecretName", kind: "StorageClass"),
            FieldSpec("parameters/userSecretName", kind: "StorageClass"), FieldSpec("parameters/secretRef", kind: "StorageClass"),
            FieldSpec("spec/template/spec/containers/env/valueFrom/secretKeyRef/name", kind: "Service", group: "serving.knative.dev", version: "v1"),
            FieldSpec("spec/azureFile/secretName", kind: "PersistentVolume"),
        ]),
        Rule(kind: "Service", group: "", referrers: [
            FieldSpec("spec/serviceName", kind: "StatefulSet", group: "apps"),
            FieldSpec("spec/rules/http/paths/backend/serviceName", kind: "Ingress"), FieldSpec("spec/backend/serviceName", kind: "Ingress"),
            FieldSpec("spec/rules/http/paths/backend/service/name", kind: "Ingress"), FieldSpec("spec/defaultBackend/service/name", kind: "Ingress"),
            FieldSpec("spec/service/name", kind: "APIService", group: "apiregistration.k8s.io"),
        ]),
        Rule(kind: "ServiceAccount", group: "", referrers: inPodSpecs(["serviceAccountName"], kinds: workloadPrefixes)),
        Rule(kind: "PersistentVolumeClaim", group: "", referrers: inPodSpecs(["volumes/persistentVolumeClaim/claimName"], kinds: workloadPrefixes)),
        Rule(kind: "PersistentVolume", group: "", referrers: [FieldSpec("spec/volumeName", kind: "PersistentVolumeClaim")]),
        Rule(kind: "StorageClass", group: "storage.k8s.io", referrers: [
            FieldSpec("spec/storageClassName", kind: "PersistentVolume"), FieldSpec("spec/storageClassName", kind: "PersistentVolumeClaim"),
            FieldSpec("spec/volumeClaimTemplates/spec/storageClassName", kind: "StatefulSet"),
        ]),
        Rule(kind: "PriorityClass", group: "scheduling.k8s.io", referrers: inPodSpecs(["priorityClassName"], kinds: workloadPrefixes)),
        Rule(kind: "IngressClass", group: "networking.k8s.io", referrers: [FieldSpec("spec/ingressClassName", kind: "Ingress")]),
        Rule(kind: "ValidatingAdmissionPolicy", group: "admissionregistration.k8s.io", referrers: [
            FieldSpec("spec/policyName", kind: "ValidatingAdmissionPolicyBinding", group: "admissionregistration.k8s.io"),
        ]),
    ] + ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"].map {
        Rule(kind: $0, group: nil, referrers: [FieldSpec("spec/scaleTargetRef/name", kind: "HorizontalPodAutoscaler")])
    }

    static func fix(_ resources: inout [Resource]) {
        let renamed = resources.filter { $0.history.count > 1 || $0.id != $0.originalID }
        guard !renamed.isEmpty else { return }
        for index in resources.indices {
            let referrer = resources[index]
            let referrerID = referrer.id
            var node = referrer.node
            for rule in rules {
                let candidates = renamed.filter { $0.kind == rule.kind && (rule.group == nil || $0.id.group == rule.group) }
                guard !candidates.isEmpty else { continue }
                for spec in rule.referrers where spec.selects(referrerID) {
                    spec.visit(&node, origin: nil) { field in
                        guard var value = field, let name = value.string,
                              let target = resolve(name, among: candidates, referrer: referrer) else { return }
                        value.value = .scalar(Scalar(text: target, kind: .string))
                        field = value
                    }
                }
            }
            fixRoleReferences(&node, referrer: referrer, renamed: renamed)
            resources[index].node = node
        }
    }

    /// The new name of the one object that had `name` and fits the referrer's namespace.
    private static func resolve(_ name: String, among candidates: [Resource], referrer: Resource, namespace: String? = nil) -> String? {
        let named = candidates.filter { candidate in candidate.history.contains { $0.name == name } }
        guard !named.isEmpty else { return nil }
        let namespaces = namespace.map { [$0] } ?? [referrer.id.effectiveNamespace, referrer.originalID.effectiveNamespace]
        let fitting = named.filter { candidate in
            candidate.id.isClusterScoped || referrer.id.isClusterScoped && namespace == nil
                || namespaces.contains(candidate.id.effectiveNamespace) || candidate.history.contains { namespaces.contains($0.effectiveNamespace) }
        }
        let names = Set(fitting.map(\.name))
        guard names.count == 1, let newName = names.first, newName != name else { return nil }
        return newName
    }

    /// `roleRef` of (Cluster)RoleBindings, and their ServiceAccount subjects (name and namespace).
    private static func fixRoleReferences(_ node: inout Node, referrer: Resource, renamed: [Resource]) {
        guard referrer.kind == "RoleBinding" || referrer.kind == "ClusterRoleBinding" else { return }
        if var roleRef = node["roleRef"], let kind = roleRef["kind"]?.string, let name = roleRef["name"]?.string,
           kind == "Role" || kind == "ClusterRole" {
            let candidates = renamed.filter { $0.kind == kind }
            if let target = resolve(name, among: candidates, referrer: referrer) {
                roleRef["name"] = Node(.scalar(Scalar(text: target, kind: .string)), origin: roleRef["name"]?.origin)
                node["roleRef"] = roleRef
            }
        }
        guard var subjects = node["subjects"]?.items else { return }
        let accounts = renamed.filter { $0.kind == "ServiceAccount" }
        guard !accounts.isEmpty else { return }
        for index in subjects.indices {
            guard subjects[index]["kind"]?.string == "ServiceAccount", let name = subjects[index]["name"]?.string else { continue }
            let namespace = subjects[index]["namespace"]?.string
            let named = accounts.filter { account in
                account.history.contains { $0.name == name && (namespace == nil || $0.effectiveNamespace == namespace) }
            }
            guard named.count == 1, let account = named.first else { continue }
            if account.name != name {
                subjects[index]["name"] = Node(.scalar(Scalar(text: account.name, kind: .string)), origin: subjects[index]["name"]?.origin)
            }
            if let current = account.namespace, namespace != nil, current != namespace {
                subjects[index]["namespace"] = Node(.scalar(Scalar(text: current, kind: .string)), origin: subjects[index]["namespace"]?.origin)
            }
        }
        node["subjects"] = Node(.sequence(subjects), origin: node["subjects"]?.origin)
    }
}
