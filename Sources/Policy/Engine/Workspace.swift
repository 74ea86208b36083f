import Manifests

/// The objects of the whole tree that cross-object checks look up: disruption budgets,
/// autoscalers, network policies, service accounts, roles, quotas and limit ranges, plus
/// which workload first uses each namespace.
package struct Workspace: Sendable {
    /// Kinds kept whole for lookups.
    package static let contextKinds: Set<String> = [
        "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy", "ServiceAccount",
        "Role", "ClusterRole", "ResourceQuota", "LimitRange",
    ]

    /// The fields of a kustomization the workspace reads (`add`): what it is, and the namespace
    /// it sets for the objects in its folder.
    package static let kustomizationFields: Set<String> = ["apiVersion", "kind", "metadata", "namespace"]

    private var byKind: [String: [KubernetesObject]] = [:]
    /// Context objects by kind, then by effective namespace ("" for none).
    private var byKindAndNamespace: [String: [String: [KubernetesObject]]] = [:]
    private var selectorIndexes: [String: SelectorIndex] = [:]
    /// HorizontalPodAutoscalers by their target, `Kind/name`.
    private var autoscalersByTarget: [String: [KubernetesObject]] = [:]
    /// Context objects by kind, then by name.
    private var byKindAndName: [String: [String: [KubernetesObject]]] = [:]
    /// Namespace → the first workload (by file and line) that runs in it.
    package private(set) var firstWorkloadInNamespace: [String: WorkloadKey] = [:]
    /// Folder → the `namespace:` its kustomization.yaml sets for the resources in it.
    package private(set) var kustomizationNamespaces: [String: String] = [:]

    package struct WorkloadKey: Sendable, Hashable {
        package var file: String
        package var position: SourcePosition

        package init(file: String, position: SourcePosition) {
            self.file = file
            self.position = position
        }
    }

    /// What the run targets: the deprecation data and the component versions to judge against.
    package var settings: EvaluationSettings
    /// Kinds kept besides `contextKinds`: the ones custom checks' `additionalSchemas` look for.
    package var additionalKinds: Set<String> = []

    package init(settings: EvaluationSettings = EvaluationSettings()) {
        self.settings = settings
    }

    package init(
        objects: [KubernetesObject], settings: EvaluationSettings = EvaluationSettings(),
        knownFacts: TreeFacts = TreeFacts(), additionalKinds: Set<String> = []
    ) {
        self.init(settings: settings)
        self.additionalKinds = additionalKinds
        kustomizationNamespaces = knownFacts.kustomizationNamespaces
        for object in objects where object.kind == "Kustomization" { add(object) }
        for object in objects where object.kind != "Kustomization" { add(object) }
    }

    /// Records what cross-object checks need from an object; cheap for every other object.
    /// Kustomizations go first, so that the namespaces they set are known when objects are indexed.
    package mutating func add(_ object: KubernetesObject) {
        if additionalKinds.contains(object.kind) {
            byKind[object.kind, default: []].append(object)
        }
        if Self.contextKinds.contains(object.kind) {
            byKind[object.kind, default: []].append(object)
            let namespace = effectiveNamespace(of: object)
            byKindAndNamespace[object.kind, default: [:]][namespace ?? "", default: []].append(object)
            byKindAndName[object.kind, default: [:]][object.name, default: []].append(object)
            if object.kind == "HorizontalPodAutoscaler", let target = object.node["spec", "scaleTargetRef"],
                let kind = target["kind"]?.string, let name = target["name"]?.string
            {
                autoscalersByTarget["\(kind)/\(name)", default: []].append(object)
            }
            if let path = SelectorIndex.selectorPaths[object.kind] {
                selectorIndexes[object.kind, default: SelectorIndex()].add(
                    object, namespace: namespace, selectorPath: path)
            }
        }
        if object.kind == "Kustomization",
            object.group == "kustomize.config.k8s.io" || object.apiVersion.hasPrefix("kustomize.config"),
            let namespace = object.node["namespace"]?.string
        {
            kustomizationNamespaces[Self.folder(of: object.file)] = namespace
        }
    }

    /// Call once every object has been added: workloads are ranked by where they are.
    package mutating func noteWorkloads(_ workloads: [(namespace: String, key: WorkloadKey)]) {
        for workload in workloads {
            if let current = firstWorkloadInNamespace[workload.namespace],
                (current.file, current.position) <= (workload.key.file, workload.key.position)
            {
                continue
            }
            firstWorkloadInNamespace[workload.namespace] = workload.key
        }
    }

    package func objects(ofKind kind: String) -> [KubernetesObject] {
        byKind[kind] ?? []
    }

    /// Objects of `kind` in the same namespace as `namespace` (a missing namespace matches a missing one).
    package func objects(ofKind kind: String, inNamespace namespace: String?) -> [KubernetesObject] {
        byKindAndNamespace[kind]?[namespace ?? ""] ?? []
    }

    /// The namespace an object lands in: its own, or the one its folder's kustomization sets.
    package func effectiveNamespace(of object: KubernetesObject) -> String? {
        object.namespace ?? kustomizationNamespaces[Self.folder(of: object.file)]
    }

    /// Objects of `kind` called `name` that can apply to `object`: for namespaced kinds, in its
    /// namespace or in none (Polaris' rule: a file without a namespace lands wherever it is applied).
    func named(_ kind: String, _ name: String, near object: KubernetesObject, clusterScoped: Bool = false)
        -> [KubernetesObject]
    {
        let candidates = byKindAndName[kind]?[name] ?? []
        guard !clusterScoped, let namespace = effectiveNamespace(of: object) else { return candidates }
        return candidates.filter { candidate in
            let candidateNamespace = effectiveNamespace(of: candidate)
            return candidateNamespace == nil || candidateNamespace == namespace
        }
    }

    /// The HorizontalPodAutoscaler that scales `object`, in its namespace or in none.
    func autoscaler(of object: KubernetesObject) -> KubernetesObject? {
        let namespace = effectiveNamespace(of: object)
        return autoscalersByTarget["\(object.kind)/\(object.name)"]?.first { candidate in
            let candidateNamespace = effectiveNamespace(of: candidate)
            return candidateNamespace == nil || namespace == nil || candidateNamespace == namespace
        }
    }

    /// Visits the objects of `kind` (NetworkPolicy, PodDisruptionBudget) whose pod selector selects
    /// `object`'s pods, until `visit` returns false.
    func forEachSelecting(
        _ kind: String, podsOf object: KubernetesObject, allowEmptySelector: Bool,
        _ visit: (KubernetesObject) -> Bool
    ) {
        guard let labels = Self.podLabels(of: object), let index = selectorIndexes[kind] else { return }
        index.forEachSelecting(
            labels, namespace: effectiveNamespace(of: object), allowEmptySelector: allowEmptySelector, visit)
    }

    /// The labels of the pods `object` makes: its pod template's, also when the template has
    /// labels and no `spec` yet (a workload written in parts), as selectors see them. Nil when
    /// it makes no pods.
    static func podLabels(of object: KubernetesObject) -> [String: String]? {
        object.podTemplate?.labels ?? object.node["spec", "template", "metadata", "labels"]?.stringMap
    }

    package static func folder(of file: String) -> String {
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(file[..<slash])
    }
}

private func <= (lhs: (String, SourcePosition), rhs: (String, SourcePosition)) -> Bool {
    lhs.0 != rhs.0 ? lhs.0 < rhs.0 : !(rhs.1 < lhs.1)
}
