import Manifests

/// The objects releases refer to (sources, ConfigMaps and Secrets of `valuesFrom`), by kind and
/// name, with the bytes of the file each came from.
struct ObjectIndex: Sendable {
    struct Entry: Sendable {
        let object: KubernetesObject
        let fileBytes: [UInt8]
    }

    private var byKindAndName: [String: [Entry]] = [:]

    mutating func add(_ object: KubernetesObject, fileBytes: [UInt8]) {
        byKindAndName["\(object.kind)/\(object.name)", default: []].append(Entry(object: object, fileBytes: fileBytes))
    }

    /// The object a reference names: in `namespace` when one has it, else one without a namespace
    /// (a Kustomization sets it), nearest in the folder tree to `file`.
    func resolve(kind: String, name: String, namespace: String?, from file: String) -> Entry? {
        guard let candidates = byKindAndName["\(kind)/\(name)"], !candidates.isEmpty else { return nil }
        if let namespace {
            if let exact = Self.nearest(candidates.filter { $0.object.namespace == namespace }, to: file) {
                return exact
            }
            if let loose = Self.nearest(candidates.filter { $0.object.namespace == nil }, to: file) { return loose }
        }
        return Self.nearest(candidates, to: file)
    }

    private static func nearest(_ entries: [Entry], to file: String) -> Entry? {
        NearestPath.nearest(entries, to: file) { NearestPath.folder(of: $0.object.file) }
    }
}
