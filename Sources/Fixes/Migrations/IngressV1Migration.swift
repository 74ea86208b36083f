import Manifests

/// Moves an Ingress from `extensions/v1beta1` or `networking.k8s.io/v1beta1` to
/// `networking.k8s.io/v1`, whose shape differs: `backend: {serviceName, servicePort}` becomes
/// `backend: {service: {name, port: {number | name}}}`, `spec.backend` becomes
/// `spec.defaultBackend`, and every path needs a `pathType` (`ImplementationSpecific` keeps the
/// old matching). All edits come from one parse and touch only those keys; comments inside a
/// rewritten backend stay on their lines.
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
            edits += try backendEdits(backend.value, editor: editor)
        }
        for rule in spec["rules"]?.items ?? [] {
            for path in rule["http", "paths"]?.items ?? [] {
                if let backend = path["backend"], backend["serviceName"] != nil {
                    edits += try backendEdits(backend, editor: editor)
                }
                if let pathType = try editor.add("pathType", .plain("ImplementationSpecific"), to: path) {
                    edits.append(pathType)
                }
            }
        }
        return edits
    }

    /// A block backend is edited in place: its lines move one level in under a new `service:`
    /// line, `serviceName` becomes `name` and `servicePort: 80` becomes `port:` over `number: 80`,
    /// so every comment inside stays with what it was written beside. A flow backend (one line,
    /// no comments) or an unusual one is written anew.
    private static func backendEdits(_ backend: YAMLNode, editor: YAMLEditor) throws(EditError) -> [TextEdit] {
        let rewritten = try service(of: backend)
        let source = editor.source
        guard let entries = backend.entriesAsWritten, entries.count == 2,
            let name = entries.first(where: { $0.keyText == "serviceName" }),
            let port = entries.first(where: { $0.keyText == "servicePort" }),
            let portScalar = port.value.scalar, source.bytes[source.offset(of: backend.start)] != UInt8(ascii: "{"),
            entries.allSatisfy({ entry in
                entry.key.start.column == backend.start.column
                    && source.bytes[source.startOfLine(entry.key.start.line)..<source.offset(of: entry.key.start)]
                        .allSatisfy { $0 == UInt8(ascii: " ") }
            })
        else {
            return [try editor.replaceMapping(backend, with: rewritten)]
        }
        let indent = backend.start.column - 1
        let step = String(repeating: " ", count: editor.width)
        let firstLine = entries.map(\.key.start.line).min() ?? backend.start.line
        var edits: [TextEdit] = []
        for line in firstLine...source.lastLine(of: backend) where !source.isBlank(line) {
            let start = source.startOfLine(line)
            let opening =
                line == firstLine ? String(repeating: " ", count: indent) + "service:" + source.lineEnding : ""
            edits.append(TextEdit(range: start..<start, replacement: opening + step))
        }
        edits.append(
            TextEdit(range: source.offset(of: name.key.start)..<source.offset(of: name.key.end), replacement: "name"))
        let portLine = String(repeating: " ", count: indent) + step + step
        let portValue =
            portScalar.int.map { "number: \($0)" } ?? "name: " + YAMLValue.string(portScalar.text).flow(json: false)
        edits.append(
            TextEdit(
                range: source.offset(of: port.key.start)..<source.offset(of: port.value.end),
                replacement: "port:" + source.lineEnding + portLine + portValue))
        return edits
    }

    /// `{serviceName: web, servicePort: 80}` → `{service: {name: web, port: {number: 80}}}` (a named port keeps its name).
    private static func service(of backend: YAMLNode) throws(EditError) -> YAMLValue {
        guard let name = backend["serviceName"]?.string, let port = backend["servicePort"]?.scalar else {
            throw EditError(
                "line \(backend.start.line): a backend without serviceName and servicePort is not an old-style backend")
        }
        let portValue: YAMLValue =
            port.int.map { .mapping([("number", .plain(String($0)))]) } ?? .mapping([("name", .string(port.text))])
        return .mapping([("service", .mapping([("name", .string(name)), ("port", portValue)]))])
    }
}
