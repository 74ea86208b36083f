import Manifests

/// The Flux source objects of a tree (HelmRepository, OCIRepository, HelmChart), found by kind
/// and name the way a HelmRelease's `sourceRef` or `chartRef` names them.
struct FluxSources {
    struct Source {
        let object: KubernetesObject
        let text: LocatedText
    }

    static let kinds: Set<String> = ["HelmRepository", "OCIRepository", "HelmChart"]
    private var byKindAndName: [String: [Source]] = [:]

    mutating func add(_ object: KubernetesObject, text: LocatedText) {
        let isSource = object.group == "source.toolkit.fluxcd.io" && Self.kinds.contains(object.kind)
        // HelmReleases too: a kustomize patch pins `chart.spec.version` of a release whose chart
        // and source are in its base.
        let isRelease = object.group == "helm.toolkit.fluxcd.io" && object.kind == "HelmRelease"
        guard isSource || isRelease else { return }
        byKindAndName["\(object.kind)/\(object.name)", default: []].append(Source(object: object, text: text))
    }

    var all: [Source] { byKindAndName.values.flatMap { $0 } }

    /// The release a patch of `release` applies to: the nearest other HelmRelease of that name
    /// whose chart template names a chart and its source.
    func base(ofReleaseNamed name: String, file: String, namespace: String?) -> Source? {
        let candidates = (byKindAndName["HelmRelease/\(name)"] ?? []).filter {
            $0.object.file != file && $0.object.node["spec", "chart", "spec", "chart"] != nil
                && (namespace == nil || $0.object.namespace == nil || $0.object.namespace == namespace)
        }
        return Self.nearest(candidates, to: file)
    }

    /// The source a reference names. Flux defaults the reference's namespace to the referring
    /// object's; files in Git often leave both out (a Kustomization sets them), so when no
    /// namespace decides, the source nearest in the folder tree wins.
    func resolve(kind: String, name: String, namespace: String?, from file: String) -> Source? {
        guard let candidates = byKindAndName["\(kind)/\(name)"], !candidates.isEmpty else { return nil }
        if let namespace {
            let exact = candidates.filter { $0.object.namespace == namespace }
            if let nearest = Self.nearest(exact, to: file) { return nearest }
            let unnamespaced = candidates.filter { $0.object.namespace == nil }
            if let nearest = Self.nearest(unnamespaced, to: file) { return nearest }
        }
        return Self.nearest(candidates, to: file)
    }

    private static func nearest(_ sources: [Source], to file: String) -> Source? {
        let folders = file.split(separator: "/").dropLast()
        return sources.max { shared($0.object.file, folders) < shared($1.object.file, folders) }
    }

    private static func shared(_ file: String, _ folders: ArraySlice<Substring>) -> Int {
        zip(file.split(separator: "/").dropLast(), folders).prefix { $0 == $1 }.count
    }
}
