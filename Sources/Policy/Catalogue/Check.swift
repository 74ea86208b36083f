import Manifests

/// One policy check. Each lives in its own file under `Checks/<Category>/<id>.swift`
/// and is listed once in `Catalogue.all`.
package protocol Check: Sendable {
    static var metadata: CheckMetadata { get }
    /// The check's metadata: its type's, except for checks made at run time (Kyverno rules,
    /// custom checks from the configuration).
    var metadata: CheckMetadata { get }
    /// True when the check reads other objects of the tree (PDBs, roles, quotas...),
    /// so the engine runs it once every file has been read.
    var needsWorkspace: Bool { get }
    /// How to fix a finding, when the check knows (declared in the check's own file).
    var fix: FixRecipe? { get }
    func applies(to object: KubernetesObject) -> Bool
    func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation]
}

extension Check {
    package var metadata: CheckMetadata { Self.metadata }
    package var id: String { metadata.id }
    package var needsWorkspace: Bool { false }
}

/// Where and why an object breaks a check. The engine turns it into a `Finding`
/// once severity and exemptions are known.
package struct Violation: Sendable {
    package var position: SourcePosition
    package var path: DocumentPath
    package var message: String
    package var container: String?
    /// Set when the check itself grades the finding (a deprecated but not yet removed API is a warning).
    package var severity: Severity?

    package init(
        at position: SourcePosition, path: DocumentPath, message: String, container: String? = nil,
        severity: Severity? = nil
    ) {
        self.position = position
        self.path = path
        self.message = message
        self.container = container
        self.severity = severity
    }
}
