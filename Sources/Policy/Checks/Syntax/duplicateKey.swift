import Manifests

/// A mapping that sets a key twice. The API server keeps the last value (or, with strict field
/// validation, refuses the object), so a reader who stops at the first one misjudges the object:
/// `privileged: true` can hide behind an earlier `privileged: false`. Every check judges the
/// last value, as the API server would; this check says the text is ambiguous.
struct DuplicateKey: Check {
    static let metadata = CheckMetadata(
        id: "duplicateKey", category: .syntax, target: "Object",
        title: "A mapping should not set a key twice",
        description:
            "Kubernetes keeps the last value of a key written twice (or refuses the object under strict validation), so the first value a reader sees is not the one applied.",
        remediation: "Remove the earlier occurrence and keep the value you mean in one place."
    )

    func applies(to object: KubernetesObject) -> Bool { true }

    func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        object.node.duplicateKeys.map { duplicate in
            let path = DocumentPath(object.path.components + duplicate.path.components)
            return Violation(
                at: duplicate.position, path: path,
                message:
                    "`\(path)` is set twice (first at line \(duplicate.earlier.line)): Kubernetes uses this later value; remove the other one"
            )
        }
    }
}
