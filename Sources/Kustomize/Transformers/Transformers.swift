import Policy

/// The transformers of one kustomization, in kustomize's order.
enum Transformers {
    static func run(_ kustomization: Kustomization, session: BuildSession, resources: inout [Resource]) throws {
        try Patches.strategicMergeLegacy(kustomization, session: session, resources: &resources)
        try Patches.patches(kustomization, session: session, resources: &resources)
        if let namespace = kustomization.string("namespace"), let value = namespace.string, !value.isEmpty {
            NamespaceTransformer.apply(value, origin: namespace.origin, to: &resources)
        }
        let prefix = kustomization.string("namePrefix")
        let suffix = kustomization.string("nameSuffix")
        if prefix?.string?.isEmpty == false || suffix?.string?.isEmpty == false {
            NameAffixTransformer.apply(prefix: prefix?.string ?? "", suffix: suffix?.string ?? "", to: &resources)
        }
        try LabelTransformer.apply(kustomization, session: session, to: &resources)
        AnnotationTransformer.apply(kustomization.map("commonAnnotations"), to: &resources)
        try Patches.json6902Legacy(kustomization, session: session, resources: &resources)
        try ReplicaTransformer.apply(kustomization.list("replicas"), to: &resources)
        try ImageTransformer.apply(kustomization.list("images"), to: &resources)
        try ReplacementTransformer.apply(kustomization, session: session, to: &resources)
    }

    /// The scalar a kustomization value becomes in an object: always a string (kustomize reads
    /// these fields as strings).
    static func stringNode(_ node: Node) -> Node {
        Node.string(node.scalar?.text ?? "", origin: node.origin)
    }
}

enum NamespaceTransformer {
    static func apply(_ namespace: String, origin: SourceLocation?, to resources: inout [Resource]) {
        let value = Node.string(namespace, origin: origin)
        for index in resources.indices {
            resources[index].rememberID()
            var node = resources[index].node
            let id = resources[index].id
            if !id.isClusterScoped {
                _ = node.withMapping("metadata", origin: origin) { $0["namespace"] = value }
            }
            if id.kind == "Namespace", node["apiVersion"]?.string == "v1" {
                _ = node.withMapping("metadata", origin: origin) { $0["name"] = value }
            }
            if id.kind == "RoleBinding" || id.kind == "ClusterRoleBinding", var subjects = node["subjects"]?.items {
                for subject in subjects.indices where subjects[subject]["name"]?.string == "default" {
                    subjects[subject]["namespace"] = value
                }
                node["subjects"]?.value = .sequence(subjects)
            }
            for spec in FieldSpecs.namespace where spec.selects(id) {
                spec.visit(&node, origin: origin) { field in
                    if field != nil || spec.create { field = value }
                }
            }
            resources[index].node = node
        }
    }
}

enum NameAffixTransformer {
    private static let skipped: Set<String> = ["CustomResourceDefinition", "Namespace"]

    static func apply(prefix: String, suffix: String, to resources: inout [Resource]) {
        for index in resources.indices {
            let original = resources[index].originalID
            if skipped.contains(original.kind)
                || (original.kind == "APIService" && original.group == "apiregistration.k8s.io")
            {
                continue
            }
            guard var name = resources[index].node[path: "metadata", "name"] else { continue }
            resources[index].rememberID()
            name.value = .scalar(Scalar(text: prefix + (name.string ?? "") + suffix, kind: .string))
            var node = resources[index].node
            _ = node.withMapping("metadata", origin: nil) { $0["name"] = name }
            resources[index].node = node
        }
    }
}

enum AnnotationTransformer {
    static func apply(_ annotations: [Entry], to resources: inout [Resource]) {
        guard !annotations.isEmpty else { return }
        for index in resources.indices {
            let id = resources[index].id
            for spec in FieldSpecs.commonAnnotations where spec.selects(id) {
                spec.visit(&resources[index].node, origin: annotations.first?.node.origin) { field in
                    setEntries(annotations, in: &field, create: spec.create)
                }
            }
        }
    }

    /// Sets every entry in the mapping `field`, creating it when asked.
    static func setEntries(_ entries: [Entry], in field: inout Node?, create: Bool) {
        if field == nil {
            guard create else { return }
            field = .emptyMapping(origin: entries.first?.node.origin)
        }
        guard var map = field, map.entries != nil else { return }
        for entry in entries { map[entry.key] = Transformers.stringNode(entry.node) }
        field = map
    }
}

enum LabelTransformer {
    static func apply(_ kustomization: Kustomization, session: BuildSession, to resources: inout [Resource]) throws {
        for set in kustomization.list("labels") {
            guard set.entries != nil else {
                throw KustomizeError("a labels: entry is a mapping with pairs:", at: set.origin)
            }
            let pairs = set["pairs"]?.entries ?? []
            if set["fields"]?.items?.isEmpty == false {
                session.note(
                    "labels fields", "labels: fields: (custom field specs) is not built by Shipshape yet",
                    at: set["fields"]?.origin)
                continue
            }
            var specs: [FieldSpec]
            if set["includeSelectors"]?.scalar.flatMap({ YAMLBool.read($0) }) == true {
                specs = FieldSpecs.commonLabels
            } else {
                specs = []
                if set["includeTemplates"]?.scalar.flatMap({ YAMLBool.read($0) }) == true {
                    // kustomize v5.5 (kubectl 1.32) labels volume claim templates with the templates.
                    specs += FieldSpecs.metadataLabels + FieldSpecs.volumeClaimTemplateLabels
                }
                specs.append(FieldSpec("metadata/labels", create: true))
            }
            apply(pairs, specs: specs, to: &resources)
        }
        apply(kustomization.map("commonLabels"), specs: FieldSpecs.commonLabels, to: &resources)
    }

    private static func apply(_ pairs: [Entry], specs: [FieldSpec], to resources: inout [Resource]) {
        guard !pairs.isEmpty else { return }
        for index in resources.indices {
            let id = resources[index].id
            var done = Set<[String]>()
            for spec in specs where spec.selects(id) && done.insert(spec.path).inserted {
                spec.visit(&resources[index].node, origin: pairs.first?.node.origin) { field in
                    AnnotationTransformer.setEntries(pairs, in: &field, create: spec.create)
                }
            }
        }
    }
}

enum ReplicaTransformer {
    static func apply(_ entries: [Node], to resources: inout [Resource]) throws {
        for entry in entries {
            guard let name = entry["name"]?.string, let count = entry["count"],
                count.scalar.flatMap({ Int($0.text) }) != nil
            else {
                throw KustomizeError("a replicas: entry needs name: and a whole-number count:", at: entry.origin)
            }
            let value = Node(.scalar(Scalar(text: count.scalar?.text ?? "0", kind: .plain)), origin: count.origin)
            for index in resources.indices where resources[index].names.contains(name) {
                let id = resources[index].id
                for spec in FieldSpecs.replicas where spec.selects(id) {
                    spec.visit(&resources[index].node, origin: count.origin) { field in field = value }
                }
            }
        }
    }
}

/// YAML 1.1 booleans as kustomize's YAML reader takes them for its own fields.
enum YAMLBool {
    static func read(_ scalar: Scalar) -> Bool? {
        switch scalar.text.lowercased() {
        case "true", "yes", "on", "y": true
        case "false", "no", "off", "n": false
        default: nil
        }
    }
}
