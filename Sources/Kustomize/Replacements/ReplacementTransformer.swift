import Foundation
import Manifests
import Policy

/// `replacements:` of one kustomization (kustomize v5.5's replacement filter): each copies one
/// value of one object into fields of others. The copied value keeps the line it was written
/// on, so a finding about it lands on the source object's line.
enum ReplacementTransformer {
    static func apply(_ kustomization: Kustomization, session: BuildSession, to resources: inout [Resource]) throws {
        for entry in kustomization.list("replacements") {
            for replacement in try load(entry, kustomization: kustomization, session: session) {
                let value = try sourceValue(replacement.source, in: resources)
                for target in replacement.targets {
                    try copy(value, to: target, in: &resources)
                }
            }
        }
    }

    /// The replacements of one entry: written inline, or in the file `path:` names (one
    /// replacement or a list of them).
    static func load(_ entry: Node, kustomization: Kustomization, session: BuildSession) throws -> [Replacement] {
        guard entry.entries != nil else {
            throw KustomizeError(
                "a replacements: entry is a mapping with path: or source: and targets:", at: entry.origin)
        }
        guard let pathNode = entry["path"], let relative = pathNode.string else { return [try Replacement(entry)] }
        if entry["source"] != nil || entry["targets"] != nil {
            throw KustomizeError("cannot specify both path and inline replacement", at: entry.origin)
        }
        let path = BuildPath.join(kustomization.folder, relative)
        guard BuildPath.isWithin(path, kustomization.folder) else {
            throw KustomizeError(
                "security: replacement file \(relative) is not in or below \(kustomization.folder)", at: pathNode.origin
            )
        }
        guard session.fileSystem.fileExists(path) else {
            throw KustomizeError("replacement file \(relative) does not exist (\(path))", at: pathNode.origin)
        }
        let bytes = try session.read(path, at: pathNode.origin)
        let stream = YAMLParser.parse(bytes: bytes)
        if let error = stream.errors.first {
            throw KustomizeError(
                "the replacement file is not valid YAML: \(error)",
                at: SourceLocation(file: path, position: error.position))
        }
        guard let root = stream.documents.first?.root else { return [] }
        let node = try Node.copy(root, file: path)
        if let items = node.items { return try items.map(Replacement.init) }
        guard node.entries != nil else {
            throw KustomizeError(
                "a replacement file holds one replacement (a mapping) or a list of them", at: node.origin)
        }
        return [try Replacement(node)]
    }

    /// The value the source names: exactly one object, a field that is there.
    static func sourceValue(_ source: Replacement.Source, in resources: [Resource]) throws -> Node {
        let matches = resources.filter { $0.allIDs.contains(where: source.selector.selects) }
        guard let object = matches.first else {
            throw KustomizeError("the replacement's source (\(source.selector)) matches no object", at: source.origin)
        }
        guard matches.count == 1 else {
            throw KustomizeError(
                "the replacement's source (\(source.selector)) matches \(matches.count) objects: \(matches.map { $0.id.description }.joined(separator: ", "))",
                at: source.origin)
        }
        guard var value = source.fieldPath.lookup(in: object.node), !value.isNull, value.entries?.isEmpty != true,
            value.items?.isEmpty != true
        else {
            throw KustomizeError(
                "fieldPath `\(source.fieldPath)` is missing for replacement source \(object.id)", at: source.origin)
        }
        let delimiter = source.options.delimiter
        guard !delimiter.isEmpty else { return value }
        guard let scalar = value.scalar else {
            throw KustomizeError("delimiter option can only be used with scalar nodes", at: source.origin)
        }
        let parts = scalar.text.components(separatedBy: delimiter)
        guard source.options.index >= 0, source.options.index < parts.count else {
            throw KustomizeError(
                "options.index \(source.options.index) is out of bounds for value \(scalar.text)", at: source.origin)
        }
        value.value = .scalar(Scalar(text: parts[source.options.index], kind: scalar.kind))
        return value
    }

    static func copy(_ value: Node, to target: Replacement.Target, in resources: inout [Resource]) throws {
        for index in resources.indices where try isTarget(resources[index], of: target) {
            let id = resources[index].id
            let create: ReplacementPath.Shape? = target.options.create ? shape(of: value) : nil
            for (path, origin) in target.fieldPaths {
                let count = try path.visit(&resources[index].node, create: create, origin: origin) { field in
                    try set(&field, to: value, options: target.options, at: origin)
                }
                guard count > 0 else {
                    let verb = create == nil ? "find" : "find or create"
                    throw KustomizeError("unable to \(verb) field \"\(path)\" in replacement target \(id)", at: origin)
                }
            }
        }
    }

    private static func isTarget(_ resource: Resource, of target: Replacement.Target) throws -> Bool {
        guard try target.select.selectsMetadata(of: resource) else { return false }
        for reject in target.reject where reject.hasMetadataSelector {
            if try reject.selectsMetadata(of: resource) { return false }
        }
        let ids = resource.allIDs
        if target.reject.contains(where: { reject in reject.hasID && ids.contains(where: reject.selects) }) {
            return false
        }
        return ids.contains(where: target.select.selects)
    }

    private static func shape(of node: Node) -> ReplacementPath.Shape {
        switch node.value {
        case .scalar: .scalar
        case .mapping: .mapping
        case .sequence: .sequence
        }
    }

    /// Writes the value into one field: a scalar field keeps its type (kustomize copies only
    /// the text), anything else becomes the value.
    private static func set(
        _ field: inout Node, to value: Node, options: Replacement.Options, at origin: SourceLocation?
    ) throws {
        var text = value.scalar?.text ?? ""
        if !options.delimiter.isEmpty {
            guard let scalar = field.scalar else {
                throw KustomizeError("delimiter option can only be used with scalar nodes", at: origin)
            }
            var parts = scalar.text.components(separatedBy: options.delimiter)
            if options.index < 0 {
                parts.insert(text, at: 0)
            } else if options.index >= parts.count {
                parts.append(text)
            } else {
                parts[options.index] = text
            }
            text = parts.joined(separator: options.delimiter)
        }
        guard let scalar = field.scalar else {
            field = value
            if !options.delimiter.isEmpty {
                field.value = .scalar(Scalar(text: text, kind: value.scalar?.kind ?? .plain))
            }
            return
        }
        field = Node(.scalar(Scalar(text: text, kind: keptKind(of: scalar))), origin: value.origin)
    }

    /// The kind a scalar field keeps when only its text changes: a plain field that read as a
    /// string stays a string (kustomize keeps the `!!str` tag and quotes when needed).
    private static func keptKind(of scalar: Scalar) -> Scalar.Kind {
        guard case .plain = scalar.kind, !scalar.text.isEmpty else { return scalar.kind }
        return PlainScalar.readsAsString(scalar.text) ? .string : .plain
    }
}
