import JSONKit
import JSONSchema
import Manifests

extension CustomCheck {
    /// What Polaris' templates see: the whole object, plus `.Polaris.PodSpec`, `.Polaris.PodTemplate`
    /// and `.Polaris.Container` (also spelled `.Polaris.container`, as Polaris' documentation does).
    static func templateData(_ object: KubernetesObject, pod: PodTemplate?, container: ContainerSpec?) -> SchemaInstance
    {
        var entries = (object.node.entries ?? []).map { (key: $0.keyText ?? "", value: SchemaInstance.node($0.value)) }
        var polaris: [(key: String, value: SchemaInstance)] = []
        if let pod {
            polaris.append(("PodSpec", .node(pod.spec)))
            if let holder = templateHolder(of: pod, in: object) { polaris.append(("PodTemplate", .node(holder))) }
        }
        if let container {
            polaris.append(("Container", .node(container.node)))
            polaris.append(("container", .node(container.node)))
        }
        entries.append(("Polaris", .mapping(polaris, at: object.anchor)))
        return .mapping(entries, at: object.node.start)
    }

    /// The mapping that holds the pod's `metadata` and `spec`: the template, or the Pod itself.
    static func templateHolder(of pod: PodTemplate, in object: KubernetesObject) -> YAMLNode? {
        let relative = pod.path.components.dropFirst(object.path.components.count).dropLast()
        var node: YAMLNode? = object.node
        for component in relative {
            guard case .key(let key) = component else { return nil }
            node = node?[key]
        }
        return node
    }

    /// Polaris' `schemaTarget: PodSpec` for a container check: the pod spec with no init
    /// containers and only this container. A failure on that pod spec as a whole lands on the container.
    static func podSpec(_ pod: PodTemplate, onlyWith container: ContainerSpec) -> SchemaInstance {
        var entries = typedPodSpecEntries(pod).filter { $0.key != "containers" && $0.key != "initContainers" }
        entries.append(("containers", .sequence([typedContainer(container.node)], at: container.anchor)))
        entries.append(("initContainers", .sequence([], at: container.anchor)))
        return .mapping(entries, at: container.anchor)
    }

    /// The pod spec as Polaris sees it after decoding it into Kubernetes' types and encoding it
    /// again: null values and the zero values Go omits are gone (`GoOmittedFields`), and so are
    /// fields the pod-level `securityContext` does not have (`privileged` and
    /// `allowPrivilegeEscalation` exist only on containers; the API server ignores them on a pod).
    static func typedPodSpec(_ pod: PodTemplate) -> SchemaInstance {
        .mapping(typedPodSpecEntries(pod), at: pod.spec.start)
    }

    private static func typedPodSpecEntries(_ pod: PodTemplate) -> [(key: String, value: SchemaInstance)] {
        (pod.spec.entries ?? []).filter { !GoOmittedFields.omits($0, of: GoOmittedFields.podSpec) }.map { entry in
            let key = entry.keyText ?? ""
            if key == "containers" || key == "initContainers", let items = entry.value.items {
                return (key, .sequence(items.map(typedContainer), at: entry.value.start))
            }
            guard key == "securityContext", let fields = entry.value.entries else {
                return (key, .typedNode(entry.value))
            }
            let kept = fields.filter {
                podSecurityContextFields.contains($0.keyText ?? "")
                    && !GoOmittedFields.omits($0, of: GoOmittedFields.podSecurityContext)
            }
            return (key, .mapping(kept.map { ($0.keyText ?? "", .typedNode($0.value)) }, at: entry.value.start))
        }
    }

    /// A container as Kubernetes' types read it: null values and the zero values Go omits gone,
    /// and resource quantities strings (`cpu: 1` is the quantity "1", which Polaris' `type: string` accepts).
    static func typedContainer(_ node: YAMLNode) -> SchemaInstance {
        let all = node.entries ?? []
        let kept = all.filter { !GoOmittedFields.omits($0, of: GoOmittedFields.container) }
        let resources = node.entry("resources")
        guard kept.count < all.filter({ !$0.value.isNull }).count || resources?.value.isMapping == true else {
            return .typedNode(node)
        }
        let entries = kept.map {
            entry -> (key: String, value: SchemaInstance) in
            guard entry.keyText == "resources", let groups = entry.value.entries else {
                return (entry.keyText ?? "", .typedNode(entry.value))
            }
            return (
                "resources",
                .mapping(
                    groups.filter { !$0.value.isNull }.map { group in
                        guard ["limits", "requests"].contains(group.keyText), let quantities = group.value.entries
                        else {
                            return (group.keyText ?? "", .typedNode(group.value))
                        }
                        return (
                            group.keyText ?? "",
                            .mapping(
                                quantities.filter { !$0.value.isNull }.map { quantity in
                                    guard let scalar = quantity.value.scalar else {
                                        return (quantity.keyText ?? "", .typedNode(quantity.value))
                                    }
                                    return (
                                        quantity.keyText ?? "", .value(.string(scalar.text), at: quantity.value.start)
                                    )
                                }, at: group.value.start)
                        )
                    }, at: entry.value.start)
            )
        }
        return .mapping(entries, at: node.start)
    }

    /// PodSecurityContext's fields (Kubernetes 1.33).
    static let podSecurityContextFields: Set<String> = [
        "seLinuxOptions", "windowsOptions", "runAsUser", "runAsGroup", "runAsNonRoot", "supplementalGroups",
        "supplementalGroupsPolicy", "fsGroup", "sysctls", "fsGroupChangePolicy", "seccompProfile", "appArmorProfile",
        "seLinuxChangePolicy",
    ]

    /// `spec.template.spec.containers[0]...` of that made-up pod spec, as the container's real path.
    static func containerPath(_ path: DocumentPath, pod: PodTemplate, container: ContainerSpec) -> DocumentPath {
        let relative = path.components.dropFirst(pod.path.components.count)
        guard relative.starts(with: [.key("containers"), .index(0)]) else { return path }
        return DocumentPath(container.path.components + relative.dropFirst(2))
    }
}
