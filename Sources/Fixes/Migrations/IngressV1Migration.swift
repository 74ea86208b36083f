import Manifests

/// Moves an Ingress from `extensions/v1beta1` or `networking.k8s.io/v1beta1` to
/// `networking.k8s.io/v1`, whose shape differs: `backend: {serviceName, servicePort}` becomes
/// `backend: {service: {name, port: {number | name}}}`, `spec.backend` becomes
/// `spec.defaultBackend`, and every path needs a `pathType` (`ImplementationSpecific` keeps the
/// old matching). All edits come from one parse and touch only those keys.
enum IngressV1Migration {
    static let sources: Set<String> = ["extensions/v1beta1", "networking.k8s.io/v1beta1"]
    static let target = "networking.k8s.io/v1"

    static func edits(for object: KubernetesObject, editor: YAMLEditor) throws(EditError) -> [TextEdit] {
        guard object.kind == "Ingress", sources.contains(object.apiVersion) else { return [] }
        var edits: [TextEdit] = []
        if let edit = try editor.set(["apiVersion"], to: .plain(target), in: object.node) { edits.append(edit) }
        guard let spec = object.node["spec"] else { return edits }
        if let backend = spec.entry("backend") {
            edits.append(editor.renameKey(backend, to: "defaultBackend"))
            edits.append(try editor.replaceMapping(backend.value, with: try service(of: backend.value)))
        }
        for rule in spec["rules"]?.items ?? [] {
            for path in rule["http", "paths"]?.items ?? [] {
                if let backend = path["backend"], backend["serviceName"] != nil {
                    edits.append(try editor.replaceMapping(backend, with: try service(of: backend)))
                }
                if let pathType = try editor.add("pathType", .plain("ImplementationSpecific"), to: path) { edits.append(pathType) }
            }
        }
        return edits
    }

    /// `{serviceName: web, servicePort: 80}` → `{service: {name: web, port: {number: 80}}}` (a named port keeps its name).
    private static func service(of backend: YAMLNode) throws(EditError) -> YAMLValue {
        guard let name = backend["serviceName"]?.string, let port = backend["servicePort"]?.scalar else {
            throw EditError("line \(backend.start.line): a backend without serviceName and servicePort is not an old-style backend")
        }
        let portValue: YAMLValue = port.int.map { .mapping([("number", .plain(String($0)))]) } ?? .mapping([("name", .string(port.text))])
        return .mapping([("service", .mapping([("name", .string(name)), ("port", portValue)]))])
    }
}
