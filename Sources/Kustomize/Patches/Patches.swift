import Manifests
import Policy

/// `patches`, `patchesStrategicMerge` and `patchesJson6902` of one kustomization.
enum Patches {
    /// A patch's documents, read from a file or from text written in the kustomization.
    struct Source {
        var documents: [Node]
        /// The file (or kustomization) the patch was written in.
        var file: String
    }

    static func patches(_ kustomization: Kustomization, session: BuildSession, resources: inout [Resource]) throws {
        for entry in kustomization.list("patches") {
            guard entry.entries != nil else {
                throw KustomizeError("a patches: entry is a mapping with path: or patch:", at: entry.origin)
            }
            let source = try load(entry, kustomization: kustomization, session: session)
            let target = try entry["target"].map { try TargetSelector($0) }
            let allowNameChange = entry[path: "options", "allowNameChange"]?.scalar.flatMap(YAMLBool.read) ?? false
            let allowKindChange = entry[path: "options", "allowKindChange"]?.scalar.flatMap(YAMLBool.read) ?? false
            if source.documents.count == 1, source.documents[0].items != nil {
                guard let target else { throw KustomizeError("a JSON patch needs a target:", at: entry.origin) }
                let selected = try target.select(in: resources)
                if selected.isEmpty { warnNoMatch(session, target: target, at: entry.origin) }
                for index in selected {
                    resources[index].rememberID()
                    try resources[index].applyJSONPatch(source.documents[0])
                }
                continue
            }
            if let target {
                guard source.documents.count == 1 else {
                    throw KustomizeError(
                        "a patches: entry with target: holds one strategic merge patch, this one holds \(source.documents.count)",
                        at: entry.origin)
                }
                let selected = try target.select(in: resources)
                if selected.isEmpty { warnNoMatch(session, target: target, at: entry.origin) }
                try applyStrategic(
                    source.documents[0], to: selected, in: &resources, keepName: !allowNameChange,
                    keepKind: !allowKindChange, at: entry.origin)
            } else {
                for document in source.documents {
                    let index = try uniqueTarget(of: document, in: resources, at: document.origin ?? entry.origin)
                    try applyStrategic(
                        document, to: [index], in: &resources, keepName: !allowNameChange, keepKind: !allowKindChange,
                        at: entry.origin)
                }
            }
        }
    }

    static func strategicMergeLegacy(_ kustomization: Kustomization, session: BuildSession, resources: inout [Resource])
        throws
    {
        for entry in kustomization.list("patchesStrategicMerge") {
            guard let text = entry.scalar?.text else {
                throw KustomizeError("patchesStrategicMerge entries are paths or inline patches", at: entry.origin)
            }
            let source: Source
            if text.contains("\n") {
                source = try inline(entry, kustomization: kustomization)
            } else {
                source = try file(text, kustomization: kustomization, session: session, at: entry.origin)
            }
            for document in source.documents {
                let index = try uniqueTarget(of: document, in: resources, at: document.origin ?? entry.origin)
                try applyStrategic(
                    document, to: [index], in: &resources, keepName: true, keepKind: true, at: entry.origin)
            }
        }
    }

    static func json6902Legacy(_ kustomization: Kustomization, session: BuildSession, resources: inout [Resource])
        throws
    {
        for entry in kustomization.list("patchesJson6902") {
            guard let targetNode = entry["target"] else {
                throw KustomizeError("a patchesJson6902 entry needs target:", at: entry.origin)
            }
            let target = try TargetSelector(targetNode, exact: true)
            let source = try load(entry, kustomization: kustomization, session: session)
            guard source.documents.count == 1, source.documents[0].items != nil else {
                throw KustomizeError("a patchesJson6902 patch is a list of operations", at: entry.origin)
            }
            let selected = try target.select(in: resources)
            if selected.isEmpty { warnNoMatch(session, target: target, at: targetNode.origin) }
            for index in selected {
                resources[index].rememberID()
                try resources[index].applyJSONPatch(source.documents[0])
            }
        }
    }

    private static func warnNoMatch(_ session: BuildSession, target: TargetSelector, at origin: SourceLocation?) {
        session.warnings.append(
            KustomizeNote(
                feature: "patches", message: "the patch's target (\(target)) matches no object; kustomize ignores it",
                location: origin))
    }

    /// The one object a patch without target names by its apiVersion, kind and name.
    private static func uniqueTarget(of patch: Node, in resources: [Resource], at origin: SourceLocation?) throws -> Int
    {
        guard patch.entries != nil else {
            throw KustomizeError("a strategic merge patch is a mapping (an object)", at: origin)
        }
        let id = ResourceID(patch)
        let matches = resources.indices.filter { resources[$0].hadID(id) }
        guard let first = matches.first else {
            throw KustomizeError(
                "no object matches the patch (\(id)); a patch without target: names its object by apiVersion, kind, metadata.name and namespace",
                at: origin)
        }
        guard matches.count == 1 else {
            throw KustomizeError("the patch (\(id)) matches \(matches.count) objects", at: origin)
        }
        return first
    }

    private static func applyStrategic(
        _ patch: Node, to indices: [Int], in resources: inout [Resource], keepName: Bool, keepKind: Bool,
        at origin: SourceLocation?
    ) throws {
        var deleted: [Int] = []
        for index in indices {
            var document = patch
            let target = resources[index].node
            if keepName {
                document.withMappingIfPresent("metadata") { metadata in
                    if metadata["name"] != nil { metadata["name"] = target[path: "metadata", "name"] }
                    if metadata["namespace"] != nil { metadata["namespace"] = target[path: "metadata", "namespace"] }
                }
            }
            if keepKind {
                if document["kind"] != nil { document["kind"] = target["kind"] }
                if document["apiVersion"] != nil { document["apiVersion"] = target["apiVersion"] }
            }
            // A strategic merge patch never moves an object to another namespace.
            document.withMappingIfPresent("metadata") { metadata in
                if metadata["namespace"] != nil { metadata["namespace"] = target[path: "metadata", "namespace"] }
            }
            if !keepName || !keepKind { resources[index].rememberID() }
            let id = resources[index].id
            let context = StrategicMerge.Context(kind: id.kind, hasSchema: MergeKeys.hasSchema(group: id.group))
            switch try StrategicMerge.apply(document, to: target, context: context) {
            case .merged(let node):
                resources[index].node = node
                resources[index].removals += context.removals.entries.map { (path: $0.0, origin: $0.1) }
            case .deleted: deleted.append(index)
            }
        }
        for index in deleted.sorted(by: >) { resources.remove(at: index) }
    }

    /// The patch of a `patches`/`patchesJson6902` entry: `path:` or `patch:`.
    private static func load(_ entry: Node, kustomization: Kustomization, session: BuildSession) throws -> Source {
        if let path = entry["path"]?.string {
            return try file(path, kustomization: kustomization, session: session, at: entry["path"]?.origin)
        }
        if let patch = entry["patch"], patch.string != nil {
            return try inline(patch, kustomization: kustomization)
        }
        throw KustomizeError("the patch needs path: or patch:", at: entry.origin)
    }

    private static func file(
        _ relative: String, kustomization: Kustomization, session: BuildSession, at origin: SourceLocation?
    ) throws -> Source {
        let path = BuildPath.join(kustomization.folder, relative)
        guard BuildPath.isWithin(path, kustomization.folder) else {
            throw KustomizeError("security: patch \(relative) is not in or below \(kustomization.folder)", at: origin)
        }
        guard session.fileSystem.fileExists(path) else {
            throw KustomizeError("patch file \(relative) does not exist (\(path))", at: origin)
        }
        let bytes = try session.read(path, at: origin)
        return Source(documents: try documents(bytes, file: path, remap: nil), file: path)
    }

    /// A patch written inside the kustomization (or the Flux Kustomization that added it):
    /// positions inside its text are moved to that file's lines.
    private static func inline(_ node: Node, kustomization: Kustomization) throws -> Source {
        let text = node.scalar?.text ?? ""
        let remap = InlineText.positionMap(for: node, in: kustomization)
        let file = node.origin?.file ?? kustomization.file
        return Source(documents: try documents(Array(text.utf8), file: file, remap: remap), file: file)
    }

    private static func documents(_ bytes: [UInt8], file: String, remap: ((SourcePosition) -> SourcePosition)?) throws
        -> [Node]
    {
        let stream = YAMLParser.parse(bytes: bytes)
        if let error = stream.errors.first {
            let position = remap?(error.position) ?? error.position
            throw KustomizeError(
                "the patch is not valid YAML: \(error)", at: SourceLocation(file: file, position: position))
        }
        return try stream.documents.compactMap(\.root).map { root in
            var node = try Node.copy(root, file: file)
            if let remap { node.remapPositions(remap) }
            return node
        }.filter { !$0.isNull }
    }
}

extension Node {
    mutating func remapPositions(_ remap: (SourcePosition) -> SourcePosition) {
        if let origin { self.origin = SourceLocation(file: origin.file, position: remap(origin.position)) }
        switch value {
        case .scalar: break
        case .mapping(var entries):
            for index in entries.indices { entries[index].node.remapPositions(remap) }
            value = .mapping(entries)
        case .sequence(var items):
            for index in items.indices { items[index].remapPositions(remap) }
            value = .sequence(items)
        }
    }

    mutating func withMappingIfPresent(_ key: String, _ body: (inout Node) -> Void) {
        guard var child = self[key], child.entries != nil else { return }
        body(&child)
        self[key] = child
    }
}

extension Resource {
    /// Applies RFC 6902 operations, remembering the lines of `remove`s.
    mutating func applyJSONPatch(_ operations: Node) throws {
        try JSONPatch.apply(operations, to: &node, removals: &removals)
    }
}
