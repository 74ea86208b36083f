import Manifests
import Policy

/// What a review remembers about one blob so that later reviews need not parse it: its objects'
/// kinds, names, namespaces and anchors, and the namespace a kustomization sets. Enough to know
/// which files a change's context needs, without reading them.
struct BlobFacts: Sendable, Equatable {
    struct Object: Sendable, Equatable {
        var kind: String
        var name: String
        var namespace: String?
        var anchor: SourcePosition
        var role: Role
    }

    /// How cross-object checks use an object.
    enum Role: String, Sendable {
        /// Looked up by others: PodDisruptionBudgets, NetworkPolicies, roles, quotas...
        case context
        /// Judged against the context: workloads and role bindings.
        case dependent
        case other
    }

    var objects: [Object]
    var kustomizationNamespace: String?

    static let bindingKinds: Set<String> = ["RoleBinding", "ClusterRoleBinding"]

    init(objects: [Object], kustomizationNamespace: String?) {
        self.objects = objects
        self.kustomizationNamespace = kustomizationNamespace
    }

    init(_ file: ManifestFile) {
        objects = file.objects.map { object in
            let role: Role
            if Workspace.contextKinds.contains(object.kind) {
                role = .context
            } else if object.podTemplate != nil || Self.bindingKinds.contains(object.kind) {
                role = .dependent
            } else {
                role = .other
            }
            return Object(kind: object.kind, name: object.name, namespace: object.namespace, anchor: object.anchor, role: role)
        }
        kustomizationNamespace = file.objects.first { $0.kind == "Kustomization" && $0.group.hasPrefix("kustomize.config") }?
            .node["namespace"]?.string
    }

    var hasContext: Bool { objects.contains { $0.role == .context } || kustomizationNamespace != nil }
    var hasDependents: Bool { objects.contains { $0.role == .dependent } }
}

extension BlobFacts {
    /// One line of the cache file: `namespace|kind,name,namespace,role,line,column,offset|...`,
    /// fields escaped so that no separator can appear inside one.
    var encoded: String {
        ([Self.escape(kustomizationNamespace ?? "")] + objects.map { object in
            [object.kind, object.name, object.namespace ?? "", object.role.rawValue,
             String(object.anchor.line), String(object.anchor.column), String(object.anchor.offset)]
                .map(Self.escape).joined(separator: ",")
        }).joined(separator: "|")
    }

    init?(encoded: ArraySlice<UInt8>) {
        let parts = encoded.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        let namespace = Self.unescape(first)
        var objects: [Object] = []
        for part in parts.dropFirst() {
            let fields = part.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(Self.unescape)
            guard fields.count == 7, let role = Role(rawValue: fields[3]), let line = Int(fields[4]),
                  let column = Int(fields[5]), let offset = Int(fields[6]) else { return nil }
            objects.append(Object(kind: fields[0], name: fields[1], namespace: fields[2].isEmpty ? nil : fields[2],
                                  anchor: SourcePosition(line: line, column: column, offset: offset), role: role))
        }
        self.init(objects: objects, kustomizationNamespace: namespace.isEmpty ? nil : namespace)
    }

    private static func escape(_ text: String) -> String {
        guard text.contains(where: { "%|,\t\n\r".contains($0) }) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "%": escaped += "%25"
            case "|": escaped += "%7C"
            case ",": escaped += "%2C"
            case "\t": escaped += "%09"
            case "\n": escaped += "%0A"
            case "\r": escaped += "%0D"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "%")) else { return text }
        return text.replacing("%7C", with: "|").replacing("%2C", with: ",").replacing("%09", with: "\t")
            .replacing("%0A", with: "\n").replacing("%0D", with: "\r").replacing("%25", with: "%")
    }
}
