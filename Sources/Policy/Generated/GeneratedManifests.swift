import Manifests

/// Objects that no file holds as written but that files make: a chart rendered with a release's
/// values, a kustomization built from its bases and patches. They are checked like a file of
/// their own (under `path`, a name no real file has), then every finding is moved to the line a
/// person would change: the origin of the value it is about, else `fallback`.
package struct GeneratedManifests: Sendable {
    /// A unique name for the generated stream, `<file>@<what>/<name>`; never shown to users.
    package var path: String
    /// The YAML stream, one document per object.
    package var bytes: [UInt8]
    /// The documents already built in memory, when the generator made them as values (a
    /// kustomize build): checked as they are, `bytes` then empty.
    package var documents: [YAMLNode]?
    /// The namespace objects land in when they name none (a release's target namespace).
    package var namespace: String?
    /// Where each value of each document was written.
    package var origins: SourceOrigins
    /// Where findings go that no written value explains (a HelmRelease's `values:` line).
    package var fallback: SourceLocation
    /// Added to every finding's message: what made the object (`rendered by HelmRelease
    /// apps/podinfo from chart podinfo 6.14.1`).
    package var label: String
    /// Per document (by index in `bytes`): more of what made it (`templates/deployment.yaml`).
    package var documentLabels: [Int: String]
    /// Per document: a better place than `fallback` (a chart of this repository: the template).
    package var documentFallbacks: [Int: SourceLocation]
    /// Whether its findings stay apart from the same findings of other streams: two overlays that
    /// build the same object from one base are two findings, for the caller to merge naming both.
    package var keptApart = false

    package init(
        path: String, bytes: [UInt8], namespace: String?, origins: SourceOrigins, fallback: SourceLocation,
        label: String, documentLabels: [Int: String] = [:], documentFallbacks: [Int: SourceLocation] = [:]
    ) {
        self.path = path
        self.bytes = bytes
        self.namespace = namespace
        self.origins = origins
        self.fallback = fallback
        self.label = label
        self.documentLabels = documentLabels
        self.documentFallbacks = documentFallbacks
    }

    /// A stream of documents built in memory (see `YAMLDocumentBuilder`).
    package init(
        path: String, documents: [YAMLNode], namespace: String?, origins: SourceOrigins, fallback: SourceLocation,
        label: String, documentLabels: [Int: String] = [:]
    ) {
        self.init(
            path: path, bytes: [], namespace: namespace, origins: origins, fallback: fallback, label: label,
            documentLabels: documentLabels)
        self.documents = documents
    }

    /// The folder part of `path`, unique to this stream: its namespace is recorded there, as a
    /// kustomization's `namespace:` is for its folder.
    var folder: String { Workspace.folder(of: path) }
}

/// A place in a real file.
package struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var position: SourcePosition

    package init(file: String, position: SourcePosition) {
        self.file = file
        self.position = position
    }

    package var description: String { "\(file):\(position)" }
}

/// Where the nodes of generated documents came from: a node that one written value (or one
/// written map, rendered whole) produced maps to that value's key line.
package struct SourceOrigins: Sendable {
    private var byDocument: [Int: [DocumentPath: SourceLocation]] = [:]

    package init() {}

    package mutating func record(document: Int, path: DocumentPath, origin: SourceLocation) {
        byDocument[document, default: [:]][path] = origin
    }

    package var isEmpty: Bool { byDocument.isEmpty }

    /// The origin of the node at `path`, or of the nearest node above it that has one: a field
    /// missing from a map that a written map produced belongs to that written map.
    package func origin(document: Int, path: DocumentPath) -> SourceLocation? {
        guard let paths = byDocument[document] else { return nil }
        var components = path.components
        while true {
            if let origin = paths[DocumentPath(components)] { return origin }
            if components.isEmpty { return nil }
            components.removeLast()
        }
    }

    /// Only the origins of `documents` that `isKept` keeps.
    func keeping(documents: Set<Int>, isKept: (Int, DocumentPath) -> Bool) -> SourceOrigins {
        var kept = SourceOrigins()
        for document in documents {
            guard let paths = byDocument[document] else { continue }
            kept.byDocument[document] = paths.filter { isKept(document, $0.key) }
        }
        return kept
    }

    /// Every recorded origin of one document (tests, and the fix engine looking for a value's key).
    package func origins(document: Int) -> [DocumentPath: SourceLocation] {
        byDocument[document] ?? [:]
    }
}
