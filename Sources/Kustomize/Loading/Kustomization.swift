import Manifests
import Policy

/// One kustomization file as written, its values kept as nodes so every one keeps its line.
package struct Kustomization: Sendable {
    package static let fileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// Fields the builder does not do yet: a root that uses one is refused with a note.
    static let unsupportedFields: [String: String] = [
        "helmChartInflationGenerator": "helmChartInflationGenerator",
        "transformers": "transformers (plugins)",
        "generators": "generators (plugins)",
        "validators": "validators (plugins)",
        "crds": "crds (field specs from CRDs)",
        "openapi": "openapi (custom schema)",
        "buildMetadata": "buildMetadata (origin annotations)",
    ]

    package var file: String
    package var folder: String
    package var root: Node
    /// The file's text, for placing values of patches written inside it.
    var bytes: [UInt8]
    /// The texts of other files that wrote values into it (a Flux Kustomization's patches).
    var otherTexts: [String: [UInt8]] = [:]

    /// The text of the file a value of the kustomization was written in.
    func text(of path: String) -> [UInt8] { path == file && !bytes.isEmpty ? bytes : otherTexts[path] ?? bytes }

    package init(file: String, bytes: [UInt8]) throws {
        self.file = file
        self.bytes = bytes
        self.folder = BuildPath.folder(of: file)
        let stream = YAMLParser.parse(bytes: bytes)
        if let error = stream.errors.first {
            throw KustomizeError(
                "the kustomization is not valid YAML: \(error)",
                at: SourceLocation(file: file, position: error.position))
        }
        let documents = stream.documents.compactMap(\.root)
        guard documents.count <= 1 else {
            throw KustomizeError(
                "a kustomization file holds one document, this one holds \(documents.count)",
                at: SourceLocation(file: file, position: stream.documents[1].start))
        }
        let root =
            try documents.first.map { try Node.copy($0, file: file) }
            ?? .emptyMapping(origin: SourceLocation(file: file, position: SourcePosition(line: 1, column: 1)))
        guard root.entries != nil || root.isNull else {
            throw KustomizeError("a kustomization is a mapping of fields", at: root.origin)
        }
        self.root = root.isNull ? .emptyMapping(origin: root.origin) : root
    }

    /// A kustomization no file holds (the one Flux generates for a folder without one): its
    /// values carry the lines of what asked for it; paths are relative to `folder`.
    init(generated root: Node, folder: String, file: String) {
        self.file = file
        self.folder = folder
        self.root = root
        self.bytes = []
    }

    package var location: SourceLocation {
        root.origin ?? SourceLocation(file: file, position: SourcePosition(line: 1, column: 1))
    }

    package var kind: String { root["kind"]?.string ?? "Kustomization" }
    package var isComponent: Bool { kind == "Component" }

    /// The entries of a list field (`resources:`), each a node with its line.
    package func list(_ field: String) -> [Node] { root[field]?.items ?? [] }

    /// Where `helmCharts` find their charts, relative to the kustomization's folder: the
    /// `helmGlobals.chartHome` written (with its node), by default `charts`.
    var chartHome: (text: String, node: Node?) {
        let node = root[path: "helmGlobals", "chartHome"]
        return (node?.string ?? "charts", node)
    }

    /// The string entries of a list field, with their lines.
    package func strings(_ field: String) throws -> [(text: String, origin: SourceLocation?)] {
        try list(field).map { item in
            guard let text = item.string else {
                throw KustomizeError("\(field) entries are paths (strings)", at: item.origin)
            }
            return (text, item.origin)
        }
    }

    package func string(_ field: String) -> Node? {
        guard let node = root[field], node.string != nil else { return nil }
        return node
    }

    /// A map field (`commonLabels:`), as entries with their lines.
    package func map(_ field: String) -> [Entry] { root[field]?.entries ?? [] }

    /// Notes for fields the builder does not do.
    func unsupportedNotes() -> [KustomizeNote] {
        var notes: [KustomizeNote] = []
        for entry in root.entries ?? [] {
            guard let feature = Self.unsupportedFields[entry.key], !feature.isEmpty else { continue }
            if entry.node.isNull || entry.node.items?.isEmpty == true || entry.node.entries?.isEmpty == true {
                continue
            }
            notes.append(
                KustomizeNote(
                    feature: entry.key,
                    message: "kustomize's \(feature) is not built by Shipshape yet; this root is checked file by file",
                    location: entry.node.origin))
        }
        return notes
    }
}
