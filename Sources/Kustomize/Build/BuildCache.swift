import Synchronization

/// What builds of several roots share: each resource file parsed once, each base folder built
/// once (a base under ten overlays is read and transformed once, not ten times).
///
/// Only for one tree at one moment: nothing notices files changing. Parallel builds share it,
/// so both tables are behind one `Mutex`.
package final class BuildCache: Sendable {
    /// A folder's resources before the root-only steps (hash suffixes, reference rewriting).
    struct FolderBuild {
        var outcome: Result<[Resource], KustomizeError>
        var notes: [KustomizeNote]
        var warnings: [KustomizeNote]
        var files: Set<String>
        var chartFolders: Set<String>
        var referenceRules: [NameReferences.Rule]
        var vars: [Var]
    }

    private struct Tables {
        var resourceFiles: [String: [Resource]] = [:]
        var folders: [String: FolderBuild] = [:]
    }

    private let tables = Mutex(Tables())

    package init() {}

    func resources(of path: String) -> [Resource]? { tables.withLock { $0.resourceFiles[path] } }
    func store(_ resources: [Resource], of path: String) { tables.withLock { $0.resourceFiles[path] = resources } }
    func folder(_ path: String) -> FolderBuild? { tables.withLock { $0.folders[path] } }
    func store(_ build: FolderBuild, of path: String) { tables.withLock { $0.folders[path] = build } }
}
