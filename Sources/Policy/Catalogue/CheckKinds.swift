import Manifests

/// A check on every container of every pod spec.
protocol ContainerCheck: Check {
    /// Polaris skips init containers for most container checks.
    var includesInitContainers: Bool { get }
    /// Kinds the check does not look at (probes make no sense for a Job).
    var excludedKinds: Set<String> { get }
    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation?
}

extension ContainerCheck {
    var includesInitContainers: Bool { false }
    var excludedKinds: Set<String> { [] }

    package func applies(to object: KubernetesObject) -> Bool {
        object.podTemplate != nil && !excludedKinds.contains(object.kind)
    }

    package func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        guard let pod = object.podTemplate else { return [] }
        let containers = includesInitContainers ? pod.allContainers : pod.containers
        return containers.compactMap { container in
            guard var violation = violation(in: container, of: pod, object: object) else { return nil }
            violation.container = container.name
            return violation
        }
    }
}

/// A check on each pod spec.
protocol PodSpecCheck: Check {
    var excludedKinds: Set<String> { get }
    func violation(in pod: PodTemplate, object: KubernetesObject) -> Violation?
}

extension PodSpecCheck {
    var excludedKinds: Set<String> { [] }

    package func applies(to object: KubernetesObject) -> Bool {
        object.podTemplate != nil && !excludedKinds.contains(object.kind)
    }

    package func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        guard let pod = object.podTemplate, let violation = violation(in: pod, object: object) else { return [] }
        return [violation]
    }
}

/// A check on objects of given kinds.
protocol KindCheck: Check {
    var kinds: Set<String> { get }
    func violations(in object: KubernetesObject, workspace: Workspace) -> [Violation]
}

extension KindCheck {
    package func applies(to object: KubernetesObject) -> Bool { kinds.contains(object.kind) }

    package func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        violations(in: object, workspace: workspace)
    }
}
