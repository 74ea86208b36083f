import Manifests

/// What a workload keeps until the cross-object checks run, once every file has been read: the
/// facts those checks and the exemptions read, in a tree of its own, so the document's tree goes
/// as soon as its own checks ran and memory follows the number of workloads, not their size.
///
/// Kept, below the object: `apiVersion`, `kind`; `metadata.name`, `generateName`, `namespace`,
/// `labels` and the exemption annotations (`AnnotationExemptions.isExemptionKey`); the keys down to the pod spec;
/// the pod template's `metadata.labels`; of the pod spec, its service account fields and the
/// `name` of each container and volume. Everything else is dropped (a generated stream keeps no
/// origin for it either). A finding of a cross-object check anchors on a kept key or on the
/// deepest kept key above a missing one, as it does in the whole tree.
enum CrossObjectRetention {
    /// Lists of the pod spec whose items keep only their `name`.
    static let listsKeptByName: Set<String> = ["containers", "initContainers", "ephemeralContainers", "volumes"]
    /// Pod spec fields cross-object checks read.
    static let podSpecFields: Set<String> = ["automountServiceAccountToken", "serviceAccountName", "serviceAccount"]
    /// The object's own `metadata` fields kept whole (`annotations` keeps only the exempting ones).
    static let metadataFields: Set<String> = ["name", "generateName", "namespace", "labels"]

    static func retained(_ object: KubernetesObject) -> KubernetesObject {
        // Context objects (looked up, never judged) keep their own facts: `ContextRetention`.
        if let facts = ContextRetention.retained(object) { return facts }
        if object.kind == "Kustomization" {
            // No cross-object check judges a kustomization; the workspace reads its `namespace`.
            let node = object.node.pruned { path in
                guard path.count == 1, case .key(let key) = path[0] else { return false }
                return !Workspace.kustomizationFields.contains(key)
            }
            return KubernetesObject(
                node: node, file: object.file, documentIndex: object.documentIndex, path: object.path) ?? object
        }
        guard let podSpec = prunedPodSpec(of: object) else { return object }
        let node = object.node.pruned { path in
            !isKept(path[...], podSpec: podSpec, matched: zip(path, podSpec).prefix { $0 == $1 }.count)
        }
        return KubernetesObject(node: node, file: object.file, documentIndex: object.documentIndex, path: object.path)
            ?? object
    }

    /// Whether the value at `path` (from the document's root) is left out of the object's
    /// retained copy: a generated stream keeps no origin for it either.
    static func isDropped(_ path: [DocumentPath.Component], of object: KubernetesObject) -> Bool {
        guard let podSpec = prunedPodSpec(of: object), path.starts(with: object.path.components) else { return false }
        let relative = path.dropFirst(object.path.components.count)
        // A path is kept when it and every key above it are kept: one walk down, matching the
        // pod spec's path on the way. The rules look at most `podSpec.count + 3` keys deep (a
        // listed item's `name`), so a deeper key is kept when that ancestor is.
        let decisive = relative.prefix(podSpec.count + 3)
        var matched = 0
        for end in decisive.indices {
            if matched == end - relative.startIndex, matched < podSpec.count, relative[end] == podSpec[matched] {
                matched += 1
            }
            if !isKept(decisive[...end], podSpec: podSpec, matched: matched) { return true }
        }
        return false
    }

    /// The pod spec's path from the object's node, when the object is pruned at all.
    private static func prunedPodSpec(of object: KubernetesObject) -> [DocumentPath.Component]? {
        guard let pod = object.podTemplate, !Workspace.contextKinds.contains(object.kind) else { return nil }
        return Array(pod.path.components.dropFirst(object.path.components.count))
    }

    /// Whether the mapping entry at `path` (from the object's node) is kept, its parent being kept;
    /// `matched`: how many of its first components are the pod spec's path's.
    private static func isKept(
        _ path: ArraySlice<DocumentPath.Component>, podSpec: [DocumentPath.Component], matched: Int
    ) -> Bool {
        guard !path.isEmpty else { return true }
        let depth = path.count
        // The keys down to the pod spec.
        if depth <= podSpec.count, matched == depth { return true }
        // Inside the pod spec: its service account fields, and the names of its listed items.
        if depth > podSpec.count, matched == podSpec.count {
            guard case .key(let field) = path[path.startIndex + podSpec.count] else { return true }
            if podSpecFields.contains(field) { return true }
            guard listsKeptByName.contains(field) else { return false }
            return depth <= podSpec.count + 2 || path[path.startIndex + podSpec.count + 2] == .key("name")
        }
        guard case .key(let first) = path[path.startIndex] else { return true }
        // The object's identity, labels and exempting annotations.
        if depth == 1 { return first == "apiVersion" || first == "kind" || first == "metadata" }
        if first == "metadata" {
            guard case .key(let field) = path[path.startIndex + 1] else { return false }
            if metadataFields.contains(field) { return true }
            guard field == "annotations" else { return false }
            guard depth >= 3, case .key(let annotation) = path[path.startIndex + 2] else { return true }
            return AnnotationExemptions.isExemptionKey(annotation)
        }
        // The pod template's labels (a Pod's are its own, above).
        let holder = podSpec.dropLast()
        guard depth > holder.count, matched >= holder.count, path[path.startIndex + holder.count] == .key("metadata")
        else { return false }
        return depth == holder.count + 1 || path[path.startIndex + holder.count + 1] == .key("labels")
    }
}
