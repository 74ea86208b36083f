import Manifests

extension YAMLNode {
    /// Where a finding about a missing field under `keys` anchors: the key line of the deepest
    /// part of the path that does exist, or `fallback` when none does.
    /// Beneath an alias (`securityContext: *shared`) every position is the anchor's, written in
    /// another container or object: the finding stays on the alias's own key line.
    func anchorForMissing(_ keys: [String], fallback: SourcePosition) -> SourcePosition {
        var node = self
        var anchor = fallback
        for key in keys {
            guard let entry = node.entry(key) else { break }
            anchor = entry.key.start
            if entry.value.isAlias { break }
            node = entry.value
        }
        return anchor
    }

    /// The key line of the entry at `keys`, when present (the alias's key line beneath an alias).
    func keyPosition(_ keys: [String]) -> SourcePosition? {
        var node = self
        var position: SourcePosition?
        var beneathAlias = false
        for key in keys {
            guard let entry = node.entry(key) else { return nil }
            if !beneathAlias { position = entry.key.start }
            beneathAlias = beneathAlias || entry.value.isAlias
            node = entry.value
        }
        return position
    }

    /// The node at a path of keys.
    func value(at keys: [String]) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in keys { node = node?[key] }
        return node
    }
}

extension Violation {
    /// A field that should be there and is not, under a container.
    static func missing(_ keys: [String], in container: ContainerSpec, message: String) -> Violation {
        Violation(
            at: container.node.anchorForMissing(keys, fallback: container.anchor),
            path: container.path.appending(keys), message: message)
    }

    /// A field set to a value it should not have, under a container.
    static func present(_ keys: [String], in container: ContainerSpec, message: String) -> Violation {
        Violation(
            at: container.node.keyPosition(keys) ?? container.anchor,
            path: container.path.appending(keys), message: message)
    }

    /// A pod-level field that should be there and is not.
    static func missing(_ keys: [String], in pod: PodTemplate, message: String) -> Violation {
        Violation(
            at: pod.spec.anchorForMissing(keys, fallback: pod.specKey.start),
            path: pod.path.appending(keys), message: message)
    }

    /// A pod-level field set to a value it should not have.
    static func present(_ keys: [String], in pod: PodTemplate, message: String) -> Violation {
        Violation(
            at: pod.spec.keyPosition(keys) ?? pod.specKey.start,
            path: pod.path.appending(keys), message: message)
    }

    /// A field of the object itself (outside any pod spec).
    static func at(_ keys: [String], in object: KubernetesObject, message: String) -> Violation {
        Violation(
            at: object.node.anchorForMissing(keys, fallback: object.anchor),
            path: object.path.appending(keys), message: message)
    }
}

extension DocumentPath {
    func appending(_ keys: [String]) -> DocumentPath {
        DocumentPath(components + keys.map(Component.key))
    }
}
