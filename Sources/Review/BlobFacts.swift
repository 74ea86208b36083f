import Kustomize
import Manifests
import Policy

/// What a review remembers about one blob so that later reviews need not parse it: its objects'
/// kinds, names, namespaces and anchors, the namespace a kustomization sets and what it includes.
/// Enough to know which files a change's context needs, and which kustomization roots may read a
/// changed file, without reading them.
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
    /// For a kustomization file: what it includes (nil for other files, and for one that cannot be read).
    var kustomizationLinks: KustomizationGraph.Links?

    static let bindingKinds: Set<String> = ["RoleBinding", "ClusterRoleBinding"]

    init(objects: [Object], kustomizationNamespace: String?, kustomizationLinks: KustomizationGraph.Links? = nil) {
        self.objects = objects
        self.kustomizationNamespace = kustomizationNamespace
        self.kustomizationLinks = kustomizationLinks
    }

    init(_ file: ManifestFile, bytes: [UInt8]) {
        objects = file.objects.map { object in
            let role: Role
            // A Kyverno policy (or exception) judges other objects: like a PDB, it is read for every review.
            if Workspace.contextKinds.contains(object.kind) || KyvernoPolicies.isPolicy(object)
                || KyvernoPolicies.isException(object)
            {
                role = .context
            } else if object.podTemplate != nil || Self.bindingKinds.contains(object.kind) {
                role = .dependent
            } else {
                role = .other
            }
            // A PolicyException excepts resources of any namespace, whatever its own: it is context for all.
            let namespace = KyvernoPolicies.isException(object) ? nil : object.namespace
            return Object(kind: object.kind, name: object.name, namespace: namespace, anchor: object.anchor, role: role)
        }
        kustomizationNamespace =
            file.objects.first { $0.kind == "Kustomization" && $0.group.hasPrefix("kustomize.config") }?
            .node["namespace"]?.string
        if KustomizationIndex.isKustomizationFile(file.path) {
            kustomizationLinks = KustomizationGraph.Links(file: file.path, bytes: bytes)
        }
    }

    var hasContext: Bool { objects.contains { $0.role == .context } || kustomizationNamespace != nil }
    var hasDependents: Bool { objects.contains { $0.role == .dependent } }
}

extension BlobFacts {
    /// One line of the cache file: `namespace|links|kind,name,namespace,role,line,column,offset|...`
    /// (links: empty, or `K` or `C` for a kustomization or component, then `,chartHome` (empty
    /// without `helmCharts`), then `,entry` per include),
    /// fields escaped so that no separator can appear inside one.
    var encoded: String {
        let links =
            kustomizationLinks.map { links in
                ([links.isComponent ? "C" : "K", Self.escape(links.chartHome ?? "")] + links.entries.map(Self.escape))
                    .joined(separator: ",")
            } ?? ""
        return
            ([Self.escape(kustomizationNamespace ?? ""), links]
            + objects.map { object in
                [
                    object.kind, object.name, object.namespace ?? "", object.role.rawValue,
                    String(object.anchor.line), String(object.anchor.column), String(object.anchor.offset),
                ]
                .map(Self.escape).joined(separator: ",")
            }).joined(separator: "|")
    }

    init?(encoded: ArraySlice<UInt8>) {
        let parts = encoded.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        let namespace = Self.unescape(parts[0])
        var links: KustomizationGraph.Links?
        if !parts[1].isEmpty {
            let fields = parts[1].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(
                Self.unescape)
            guard fields[0] == "K" || fields[0] == "C", fields.count >= 2 else { return nil }
            links = KustomizationGraph.Links(
                isComponent: fields[0] == "C", entries: Array(fields.dropFirst(2)),
                chartHome: fields[1].isEmpty ? nil : fields[1])
        }
        var objects: [Object] = []
        for part in parts.dropFirst(2) {
            let fields = part.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(Self.unescape)
            guard fields.count == 7, let role = Role(rawValue: fields[3]), let line = Int(fields[4]),
                let column = Int(fields[5]), let offset = Int(fields[6])
            else { return nil }
            objects.append(
                Object(
                    kind: fields[0], name: fields[1], namespace: fields[2].isEmpty ? nil : fields[2],
                    anchor: SourcePosition(line: line, column: column, offset: offset), role: role))
        }
        self.init(
            objects: objects, kustomizationNamespace: namespace.isEmpty ? nil : namespace, kustomizationLinks: links)
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
