/// What one file turned out to hold.
package struct ManifestFile: Sendable {
    package enum Kind: String, Sendable, Codable {
        /// At least one Kubernetes object or syntax error: the file is checked.
        case kubernetes
        /// Parses, but no document has `apiVersion` and `kind` (CI workflows, values files...).
        case notKubernetes
        /// An unrendered Helm or Go template: skipped, never reported as broken YAML.
        case template
    }

    package var path: String
    package var kind: Kind
    package var documentCount: Int
    package var objects: [KubernetesObject]
    package var syntaxErrors: [YAMLSyntaxError]
    package var byteCount: Int

    package init(
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
