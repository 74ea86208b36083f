import Policy

/// One entry of `replacements:` as written: where the value comes from and where it goes.
struct Replacement {
    struct Options {
        var delimiter = ""
        var index = 0
        var create = false

        init(_ node: Node?) throws {
            guard let node, !node.isNull else { return }
            guard node.entries != nil else {
                throw KustomizeError("options: is a mapping (delimiter, index, create)", at: node.origin)
            }
            delimiter = node["delimiter"]?.scalar?.text ?? ""
            if let index = node["index"], !index.isNull {
                guard let value = index.scalar.flatMap({ Int($0.text) }) else {
                    throw KustomizeError("options.index is a whole number", at: index.origin)
                }
                self.index = value
            }
            create = node["create"]?.scalar.flatMap(YAMLBool.read) ?? false
        }
    }

    struct Source {
        var selector: IDSelector
        var fieldPath: ReplacementPath
        var options: Options
        var origin: SourceLocation?
    }

    struct Target {
        var select: IDSelector
        var reject: [IDSelector]
        /// Each path with the line it was written on.
        var fieldPaths: [(path: ReplacementPath, origin: SourceLocation?)]
        var options: Options
    }

    var source: Source
    var targets: [Target]

    static let defaultFieldPath = "metadata.name"

    init(_ node: Node) throws {
        guard node.entries != nil else {
            throw KustomizeError("a replacement is a mapping with source: and targets:", at: node.origin)
        }
        guard let sourceNode = node["source"], !sourceNode.isNull, let targetNodes = node["targets"]?.items else {
            throw KustomizeError("replacements must specify a source and at least one target", at: node.origin)
        }
        let fieldPath = sourceNode["fieldPath"]?.string ?? ""
        source = Source(
            selector: try IDSelector(sourceNode, field: "source:"),
            fieldPath: ReplacementPath(fieldPath.isEmpty ? Self.defaultFieldPath : fieldPath),
            options: try Options(sourceNode["options"]), origin: sourceNode.origin)
        targets = try targetNodes.map { target in
            guard target.entries != nil else {
                throw KustomizeError(
                    "a replacement target is a mapping with select: and fieldPaths:", at: target.origin)
            }
            guard let select = target["select"], !select.isNull else {
                throw KustomizeError("target must specify resources to select", at: target.origin)
            }
            var paths = try (target["fieldPaths"]?.items ?? []).map { item in
                guard let text = item.string else {
                    throw KustomizeError("fieldPaths entries are strings", at: item.origin)
                }
                return (path: ReplacementPath(text), origin: item.origin)
            }
            if paths.isEmpty { paths = [(ReplacementPath(Self.defaultFieldPath), target.origin)] }
            return Target(
                select: try IDSelector(select, field: "select:"),
                reject: try (target["reject"]?.items ?? []).map { try IDSelector($0, field: "reject:") },
                fieldPaths: paths, options: try Options(target["options"]))
        }
    }
}
