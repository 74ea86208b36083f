import JSONSchema
import Manifests

/// A check written in Polaris' custom-check format (`customChecks` in a configuration file): a
/// JSON Schema applied to containers, pod specs, pod templates, controllers or objects of a kind,
/// optionally with schemas other objects of the namespace must satisfy (`additionalSchemas`).
package struct CustomCheck: Check {
    /// Custom checks have no metadata of their own type; each instance carries its own.
    package static let metadata = CheckMetadata(
        id: "customCheck", category: .reliability, target: "Container",
        title: "A check from the configuration", description: "", remediation: "")
    package let metadata: CheckMetadata
    let target: CustomCheckTarget
    /// Polaris' `schemaTarget: PodSpec` with `target: Container`: the schema sees the pod spec
    /// with only the container being checked.
    let validatesPodSpecPerContainer: Bool
    let includedControllers: Set<String>
    let excludedControllers: Set<String>
    let checksInitContainers: Bool
    let checksContainers: Bool
    let schema: CustomSchema
    let additionalSchemas: [(target: CustomCheckTarget, schema: CustomSchema)]
    let failureMessage: String

    static let controllerKinds: Set<String> = [
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "Pod",
    ]

    package var needsWorkspace: Bool { !additionalSchemas.isEmpty }
    package var fix: FixRecipe? { nil }

    /// The kinds whose objects the additional schemas look for, kept for cross-object lookups.
    var additionalKinds: Set<String> {
        Set(additionalSchemas.compactMap { if case .kind(_, let kind) = $0.target { kind } else { nil } })
    }

    package func applies(to object: KubernetesObject) -> Bool {
        if case .kind = target { return target.matches(kind: object.kind, group: object.group) }
        // A controller without a pod template (a kustomize patch) is still a controller to Polaris.
        guard object.podTemplate != nil || (target == .controller && Self.controllerKinds.contains(object.kind)) else {
            return false
        }
        if !includedControllers.isEmpty, !includedControllers.contains(object.kind) { return false }
        return !excludedControllers.contains(object.kind)
    }

    package func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        guard let pod = object.podTemplate, target.usesPods else {
            return violation(
                .node(object.node), data: { Self.templateData(object, pod: nil, container: nil) }, object: object,
                workspace: workspace, anchor: object.anchor, path: object.path
            ).map { [$0] } ?? []
        }
        switch target {
        case .controller:
            return violation(
                .node(object.node), data: { Self.templateData(object, pod: pod, container: nil) }, object: object,
                workspace: workspace, anchor: object.anchor, path: object.path
            ).map { [$0] } ?? []
        case .podSpec:
            return violation(
                Self.typedPodSpec(pod), data: { Self.templateData(object, pod: pod, container: nil) }, object: object,
                workspace: workspace, anchor: pod.specKey.start, path: pod.path
            ).map { [$0] } ?? []
        case .podTemplate:
            let holder = Self.templateHolder(of: pod, in: object)
            return violation(
                holder.map(SchemaInstance.typedNode) ?? .typedNode(pod.spec),
                data: { Self.templateData(object, pod: pod, container: nil) },
                object: object, workspace: workspace, anchor: holder?.start ?? pod.specKey.start,
                path: DocumentPath(Array(pod.path.components.dropLast()))
            ).map { [$0] } ?? []
        case .container, .kind:
            var containers: [ContainerSpec] = []
            if checksInitContainers { containers += pod.initContainers }
            if checksContainers { containers += pod.containers }
            return containers.compactMap { container in
                let instance: SchemaInstance =
                    validatesPodSpecPerContainer
                    ? Self.podSpec(pod, onlyWith: container) : Self.typedContainer(container.node)
                let base = validatesPodSpecPerContainer ? pod.path : container.path
                guard
                    var found = violation(
                        instance, data: { Self.templateData(object, pod: pod, container: container) }, object: object,
                        workspace: workspace, anchor: container.anchor, path: base)
                else { return nil }
                if validatesPodSpecPerContainer {
                    found.path = Self.containerPath(found.path, pod: pod, container: container)
                }
                found.container = container.name
                return found
            }
        }
    }

    /// Validates `instance`, then (when it passes) the other objects the check asks for.
    private func violation(
        _ instance: SchemaInstance, data: () -> SchemaInstance, object: KubernetesObject, workspace: Workspace,
        anchor: SourcePosition, path: DocumentPath
    ) -> Violation? {
        // Template variables are only made for schemas that have template actions.
        let templateData = needsTemplateData ? data() : instance
        switch schema.schema(for: templateData) {
        case .failure(let reason):
            return Violation(at: anchor, path: path, message: "\(failureMessage) (the custom check \(reason))")
        case .nothing:
            break
        case .schema(let compiled):
            if let failure = compiled.validate(instance) {
                let position = failure.path.components.isEmpty ? anchor : failure.position
                return Violation(
                    at: position, path: DocumentPath(path.components + failure.path.components),
                    message: "\(failureMessage): \(failure.description)")
            }
        }
        for (otherTarget, otherSchema) in additionalSchemas {
            switch otherSchema.schema(for: templateData) {
            case .nothing:
                continue
            case .failure(let reason):
                return Violation(at: anchor, path: path, message: "\(failureMessage) (the custom check \(reason))")
            case .schema(let compiled):
                let namespace = object.kind == "Namespace" ? object.name : workspace.effectiveNamespace(of: object)
                let candidates = workspace.objects(ofKind: otherKindName(otherTarget)).filter { candidate in
                    guard otherTarget.matches(kind: candidate.kind, group: candidate.group) else { return false }
                    let candidateNamespace = workspace.effectiveNamespace(of: candidate)
                    return namespace == nil || candidateNamespace == nil || candidateNamespace == namespace
                }
                if !candidates.contains(where: { compiled.matches(.node($0.node)) }) {
                    let what =
                        candidates.isEmpty
                        ? "there is no \(otherTarget.description) in its namespace"
                        : "none of the \(candidates.count) \(otherTarget.description) object(s) in its namespace matches the check's schema for them"
                    return Violation(at: object.anchor, path: object.path, message: "\(failureMessage): \(what)")
                }
            }
        }
        return nil
    }

    private var needsTemplateData: Bool {
        schema.needsTemplateData || additionalSchemas.contains { $0.schema.needsTemplateData }
    }

    private func otherKindName(_ target: CustomCheckTarget) -> String {
        if case .kind(_, let kind) = target { kind } else { "" }
    }
}
