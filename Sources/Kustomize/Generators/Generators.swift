import Manifests
import Policy

/// `configMapGenerator` and `secretGenerator`: objects made from literals, files and env files,
/// named with a hash of their content so that a change rolls the pods that use them.
enum Generators {
    struct Options {
        var labels: [Entry] = []
        var annotations: [Entry] = []
        var disableNameSuffixHash = false
        var immutable = false

        init(_ node: Node?) {
            guard let node else { return }
            labels = node["labels"]?.entries ?? []
            annotations = node["annotations"]?.entries ?? []
            disableNameSuffixHash = node["disableNameSuffixHash"]?.scalar.flatMap(YAMLBool.read) ?? false
            immutable = node["immutable"]?.scalar.flatMap(YAMLBool.read) ?? false
        }

        /// Per-generator options over the kustomization's `generatorOptions`.
        func overridden(by local: Options?) -> Options {
            guard let local else { return self }
            var merged = self
            for entry in local.labels {
                merged.labels.removeAll { $0.key == entry.key }
                merged.labels.append(entry)
            }
            for entry in local.annotations {
                merged.annotations.removeAll { $0.key == entry.key }
                merged.annotations.append(entry)
            }
            merged.disableNameSuffixHash = disableNameSuffixHash || local.disableNameSuffixHash
            merged.immutable = immutable || local.immutable
            return merged
        }
    }

    static func run(_ kustomization: Kustomization, session: BuildSession, resources: inout [Resource]) throws {
        let global = Options(kustomization.root["generatorOptions"])
        for (field, kind) in [("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret")] {
            for entry in kustomization.list(field) {
                guard entry.entries != nil else {
                    throw KustomizeError("a \(field) entry is a mapping with name:", at: entry.origin)
                }
                let options = global.overridden(by: entry["options"].map { Options($0) })
                let generated = try make(
                    kind: kind, entry: entry, options: options, kustomization: kustomization, session: session)
                try absorb(generated, into: &resources, at: entry.origin)
            }
        }
        try HelmChartGenerator.run(kustomization, session: session, resources: &resources)
    }

    private static func make(
        kind: String, entry: Node, options: Options, kustomization: Kustomization, session: BuildSession
    ) throws -> Resource {
        guard let nameNode = entry["name"], let name = nameNode.string, !name.isEmpty else {
            throw KustomizeError("a generator needs a name:", at: entry.origin)
        }
        let behaviorText = entry["behavior"]?.string ?? "create"
        guard let behavior = GeneratorBehavior(rawValue: behaviorText.isEmpty ? "create" : behaviorText) else {
            throw KustomizeError(
                "behavior: is create, merge or replace, not \(behaviorText)", at: entry["behavior"]?.origin)
        }
        let pairs = try GeneratorSources.pairs(entry, kustomization: kustomization, session: session)
        var seen = Set<String>()
        for pair in pairs {
            guard seen.insert(pair.key).inserted else {
                throw KustomizeError("\(kind.lowercased()) \(name) repeats the key \(pair.key)", at: pair.origin)
            }
            guard !pair.key.isEmpty,
                pair.key.unicodeScalars.allSatisfy({
                    ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                        || "-._".unicodeScalars.contains($0)
                })
            else {
                throw KustomizeError(
                    "\(pair.key) is not a valid key for a \(kind) (letters, digits, -, _ and . only)", at: pair.origin)
            }
        }
        let origin = nameNode.origin ?? entry.origin
        var node = Node.emptyMapping(origin: entry.origin)
        node["apiVersion"] = .string("v1", origin: origin)
        node["kind"] = .string(kind, origin: origin)
        var metadata = Node.emptyMapping(origin: origin)
        metadata["name"] = .string(name, origin: origin)
        if let namespace = entry["namespace"], let text = namespace.string, !text.isEmpty {
            metadata["namespace"] = .string(text, origin: namespace.origin)
        }
        if !options.labels.isEmpty {
            metadata["labels"] = Node(
                .mapping(options.labels.map { Entry(key: $0.key, node: Transformers.stringNode($0.node)) }),
                origin: options.labels[0].node.origin)
        }
        if !options.annotations.isEmpty {
            metadata["annotations"] = Node(
                .mapping(options.annotations.map { Entry(key: $0.key, node: Transformers.stringNode($0.node)) }),
                origin: options.annotations[0].node.origin)
        }
        node["metadata"] = metadata
        let sorted = pairs.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        if kind == "ConfigMap" {
            var data: [Entry] = []
            var binary: [Entry] = []
            for pair in sorted {
                if let text = String(validating: pair.value, as: UTF8.self) {
                    data.append(Entry(key: pair.key, node: .string(text, origin: pair.origin)))
                } else {
                    binary.append(
                        Entry(
                            key: pair.key, node: .string(Base64.encode(pair.value, wrapped: false), origin: pair.origin)
                        ))
                }
            }
            if !data.isEmpty { node["data"] = Node(.mapping(data), origin: origin) }
            if !binary.isEmpty { node["binaryData"] = Node(.mapping(binary), origin: origin) }
        } else {
            let type = entry["type"]?.string ?? ""
            node["type"] = .string(type.isEmpty ? "Opaque" : type, origin: entry["type"]?.origin ?? origin)
            node["data"] = Node(
                .mapping(
                    sorted.map {
                        Entry(key: $0.key, node: .string(Base64.encode($0.value, wrapped: true), origin: $0.origin))
                    }), origin: origin)
        }
        if options.immutable { node["immutable"] = Node(.scalar(Scalar(text: "true", kind: .plain)), origin: origin) }
        var resource = Resource(
            node: node, anchor: origin ?? kustomization.location,
            label: "\(kustomization.file) \(kind == "ConfigMap" ? "configMapGenerator" : "secretGenerator") \(name)")
        resource.needsHashSuffix = !options.disableNameSuffixHash
        resource.generatorBehavior = behavior
        return resource
    }

    /// Adds a generated object, or merges it into / replaces the object it names.
    private static func absorb(_ generated: Resource, into resources: inout [Resource], at origin: SourceLocation?)
        throws
    {
        let id = generated.id
        let matches = resources.indices.filter { resources[$0].hadID(id) }
        switch (generated.generatorBehavior, matches.count) {
        case (.create, 0):
            resources.append(generated)
        case (.create, _):
            throw KustomizeError(
                "\(id) already exists; a generator that changes it says behavior: merge or replace", at: origin)
        case (_, 0):
            throw KustomizeError(
                "behavior: \(generated.generatorBehavior.rawValue) needs an existing \(id) from the resources, and there is none",
                at: origin)
        case (_, 1):
            let index = matches[0]
            let old = resources[index]
            var merged = generated
            merged.originalID = old.originalID
            merged.previousIDs = old.previousIDs
            merged.anchor = old.anchor
            var node = merged.node
            _ = node.withMapping("metadata", origin: nil) { metadata in
                for field in ["labels", "annotations"] {
                    var map = old.node[path: "metadata", field] ?? .emptyMapping(origin: nil)
                    for entry in metadata[field]?.entries ?? [] { map[entry.key] = entry.node }
                    if map.entries?.isEmpty == false { metadata[field] = map }
                }
                metadata["name"] = old.node[path: "metadata", "name"]
                metadata["namespace"] = old.node[path: "metadata", "namespace"]
            }
            if generated.generatorBehavior == .merge {
                for field in ["data", "binaryData"] {
                    var map = old.node[field] ?? .emptyMapping(origin: nil)
                    guard map.entries != nil else { continue }
                    for entry in node[field]?.entries ?? [] { map[entry.key] = entry.node }
                    if map.entries?.isEmpty == false { node[field] = map }
                }
            }
            merged.node = node
            resources[index] = merged
        default:
            throw KustomizeError("\(matches.count) objects could take the merge of \(id)", at: origin)
        }
    }

    /// Appends `-<hash>` to the name of every generated object that wants it (at the root,
    /// after every transformer, as kustomize does).
    static func addHashSuffixes(_ resources: inout [Resource]) throws {
        for index in resources.indices where resources[index].needsHashSuffix {
            resources[index].rememberID()
            let hash = ContentHash.hash(resources[index].node)
            var node = resources[index].node
            _ = node.withMapping("metadata", origin: nil) { metadata in
                if var name = metadata["name"] {
                    name.value = .scalar(Scalar(text: (name.string ?? "") + "-" + hash, kind: .string))
                    metadata["name"] = name
                }
            }
            resources[index].node = node
        }
    }
}
