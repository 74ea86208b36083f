/// One Kubernetes object as written in a file: its identity, its YAML tree, where it lives,
/// and (for workloads) its pod template.
///
/// A class of constants: checks pass objects around and filter lists of them constantly, and
/// copying a reference is much cheaper than copying a dozen strings and trees.
package final class KubernetesObject: Sendable {
    package let apiVersion: String
    package let kind: String
    package let name: String
    package let namespace: String?
    /// The object's mapping node.
    package let node: YAMLNode
    package let file: String
    package let documentIndex: Int
    /// Where the object sits in its document: the root, or `items[N]` of a `kind: List`.
    package let path: DocumentPath
    package let podTemplate: PodTemplate?

    package init?(node: YAMLNode, file: String, documentIndex: Int, path: DocumentPath = .root) {
        guard let apiVersion = node["apiVersion"]?.string, let kind = node["kind"]?.string,
            !apiVersion.isEmpty, !kind.isEmpty
        else { return nil }
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = node["metadata", "name"]?.string ?? node["metadata", "generateName"]?.string ?? ""
        self.namespace = node["metadata", "namespace"]?.string
        self.node = node
        self.file = file
        self.documentIndex = documentIndex
        self.path = path
        self.podTemplate = PodTemplate.find(in: node, kind: kind, objectPath: path)
    }

    /// The API group: `apps` for `apps/v1`, empty for the core group (`v1`).
    package var group: String {
        guard let slash = ByteSearch.firstIndex(of: "/", in: apiVersion) else { return "" }
        return String(apiVersion[..<slash])
    }

    package var metadata: YAMLNode? { node["metadata"] }
    package var labels: [String: String] { metadata?["labels"]?.stringMap ?? [:] }
    package var annotations: [String: String] { metadata?["annotations"]?.stringMap ?? [:] }

    /// The line that names the object's type, where findings about the whole object anchor.
    package var anchor: SourcePosition { node.entry("kind")?.key.start ?? node.start }

    package var reference: ObjectReference {
        ObjectReference(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
    }
}

/// kind/namespace/name, as findings and reports name an object.
package struct ObjectReference: Sendable, Hashable, CustomStringConvertible {
    package var apiVersion: String
    package var kind: String
    package var namespace: String?
    package var name: String

    package init(apiVersion: String, kind: String, namespace: String?, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    package var description: String {
        if let namespace { return "\(kind) \(namespace)/\(name)" }
        return "\(kind) \(name)"
    }
}
