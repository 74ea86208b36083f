import Manifests

/// A document that is not valid YAML: reported once, at the line the parser names,
/// while the file's other documents are still checked.
struct YamlSyntaxError: Check {
    static let metadata = CheckMetadata(
        id: "yamlSyntaxError", category: .syntax, target: "File",
        title: "Manifests should be valid YAML",
        description: "A document that does not parse is not applied at all, and nothing else can be checked in it.",
        remediation: "Fix the YAML at the reported line; the parser's message says what it expected."
    )

    // Syntax errors come from the parser, not from objects: the engine reports them directly.
    func applies(to object: KubernetesObject) -> Bool { false }
    func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] { [] }

    static func finding(for error: YAMLSyntaxError, file: String, severity: Severity) -> Finding {
        Finding(
            checkID: metadata.id, severity: severity, category: metadata.category, file: file, position: error.position,
            object: nil, container: nil, path: .root, message: "YAML syntax error: \(error)")
    }
}
