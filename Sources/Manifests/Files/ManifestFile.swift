/// What one file turned out to hold.
public struct ManifestFile: Sendable {
    public enum Kind: String, Sendable, Codable {
        /// At least one Kubernetes object or syntax error: the file is checked.
        case kubernetes
        /// Parses, but no document has `apiVersion` and `kind` (CI workflows, values files...).
        case notKubernetes
        /// An unrendered Helm or Go template: skipped, never reported as broken YAML.
        case template
    }

    public var path: String
    public var kind: Kind
    public var documentCount: Int
    public var objects: [KubernetesObject]
    public var syntaxErrors: [YAMLSyntaxError]
    public var byteCount: Int

    public init(
        path: String, kind: Kind, documentCount: Int, objects: [KubernetesObject], syntaxErrors: [YAMLSyntaxError],
        byteCount: Int
    ) {
        self.path = path
        self.kind = kind
        self.documentCount = documentCount
        self.objects = objects
        self.syntaxErrors = syntaxErrors
        self.byteCount = byteCount
    }
}
