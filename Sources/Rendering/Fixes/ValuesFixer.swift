import Fixes
import Manifests
import Policy

/// Fixes rendered objects where their fields come from: the checks' own recipes are applied to
/// the rendered documents, and each field a recipe set is written back into the values that
/// produced it, at the key the provenance names (a scalar written in values is replaced; a map
/// written in values, rendered whole, gets the missing key). A field no written value produced
/// is not fixed, with the reason.
package struct ValuesFixer: Sendable {
    package struct Edit: Sendable {
        /// The values file and where in it.
        package var file: String
        var place: ValuesPlace
        var keys: [String]
        var value: YAMLValue
        package var finding: Finding
        package var reason: String

        /// The file and key it sets: the same for two findings whose fixes write one place.
        package var target: String { "\(file)|\(place)|\(keys.joined(separator: "."))" }
    }

    package struct Plan: Sendable {
        package var edits: [Edit] = []
        package var unfixed: [(finding: Finding, why: String)] = []
    }

    package let engine: FixEngine

    package init(engine: FixEngine) {
        self.engine = engine
    }

    /// The values edits that fix the findings of one generated stream.
    package func plan(_ stream: GeneratedManifests, source: PolicyEngine.FileSource) -> Plan {
        var plan = Plan()
        let outcome = engine.fix(path: stream.path, bytes: stream.bytes)
        guard !outcome.applied.isEmpty else { return plan }
        let fixed = YAMLParser.parse(bytes: outcome.bytes, options: PolicyEngine.parseOptions).documents
        for applied in outcome.applied {
            let finding = PolicyEngine.relocate(applied.finding, from: stream)
            var edits: [Edit] = []
            var why: String?
            for path in applied.editedPaths {
                guard let root = fixed.first(where: { $0.index == applied.document })?.root,
                    let node = Self.node(at: path, in: root)
                else {
                    why = "the fix removes \(path), which values cannot express"
                    break
                }
                guard
                    let edit = edit(setting: path, to: node, document: applied.document, stream: stream, source: source)
                else {
                    why = "\(path.description) comes from the chart's templates, not from a value written here"
                    break
                }
                edits.append(
                    Edit(
                        file: edit.file, place: edit.place, keys: edit.keys, value: edit.value, finding: finding,
                        reason: applied.reason))
            }
            if let why { plan.unfixed.append((finding, why)) } else { plan.edits += edits }
        }
        return plan
    }

    /// Where to write the value of rendered `path`: its own origin when it is a written scalar,
    /// else the nearest written map it sits in, with the keys below it.
    private func edit(
        setting path: DocumentPath, to node: YAMLNode, document: Int, stream: GeneratedManifests,
        source: PolicyEngine.FileSource
    ) -> (file: String, place: ValuesPlace, keys: [String], value: YAMLValue)? {
        let origins = stream.origins.origins(document: document)
        var components = path.components
        var below: [String] = []
        while true {
            // Below a list item (a container a kustomize patch wrote) the item itself is meant.
            let isItem = { if case .index? = components.last { return true } else { return false } }()
            if let origin = origins[DocumentPath(components)],
                let place = ValuesPlace.find(origin, item: isItem, source: source)
            {
                if below.isEmpty, place.isScalar, node.scalar != nil {
                    return (origin.file, place, [], Self.value(of: node))
                }
                if place.isMapping, !below.isEmpty { return (origin.file, place, below, Self.value(of: node)) }
                return nil
            }
            guard let last = components.popLast(), case .key(let key) = last else { return nil }
            below.insert(key, at: 0)
        }
    }

    static func node(at path: DocumentPath, in root: YAMLNode) -> YAMLNode? {
        var node: YAMLNode? = root
        for component in path.components {
            switch component {
            case .key(let key): node = node?[key]
            case .index(let index): node = node?.items.flatMap { index < $0.count ? $0[index] : nil }
            }
        }
        return node
    }

    static func value(of node: YAMLNode) -> YAMLValue {
        switch node.content {
        case .scalar(let scalar): return scalar.style == .plain ? .plain(scalar.text) : .string(scalar.text)
        case .sequence(let items): return .sequence(items.map(value(of:)))
        case .mapping(let entries):
            return .mapping(entries.compactMap { entry in entry.keyText.map { ($0, value(of: entry.value)) } })
        }
    }

    /// Applies edits to the files they name: each on a fresh parse, found again by its key path,
    /// so several edits to one file never clobber each other. Returns the new bytes per file.
    package static func apply(_ edits: [Edit], source: PolicyEngine.FileSource) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for edit in edits {
            var bytes = try files[edit.file] ?? source(edit.file)
            let stream = YAMLParser.parse(bytes: bytes)
            guard let target = edit.place.locate(in: stream) else {
                throw EditError("\(edit.file): the values at \(edit.place) moved")
            }
            let editor = YAMLEditor(source: SourceText(bytes: bytes))
            let textEdit: TextEdit?
            if edit.keys.isEmpty {
                guard let parent = target.parent, let key = target.key else {
                    throw EditError("\(edit.file): no key to set at \(edit.place)")
                }
                textEdit = try editor.set([key], to: edit.value, in: parent)
            } else {
                textEdit = try editor.set(edit.keys, to: edit.value, in: target.node)
            }
            if let textEdit { bytes = try TextEdit.apply([textEdit], to: bytes) }
            files[edit.file] = bytes
        }
        return files
    }
}
