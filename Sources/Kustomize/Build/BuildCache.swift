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
        /// Every file the folder's build read and the chart folders it rendered, with what
        /// the building root had read before; the bytes of every read.
        var files: Set<String>
        var chartFolders: Set<String>
        var bytes: Int
        var referenceRules: [NameReferences.Rule]
        var vars: [Var]
    }

    private struct Tables {
        var resourceFiles: [String: (resources: [Resource], bytes: Int)] = [:]
        var folders: [String: FolderBuild] = [:]
    }

    private let tables = Mutex(Tables())

    package init() {}

    /// A resource file's objects, and its size: a build finding them counts the file as read.
    func resources(of path: String) -> (resources: [Resource], bytes: Int)? {
        tables.withLock { $0.resourceFiles[path] }
    }
    func store(_ resources: [Resource], bytes: Int, of path: String) {
        tables.withLock { $0.resourceFiles[path] = (resources, bytes) }
    }
    func folder(_ path: String) -> FolderBuild? { tables.withLock { $0.folders[path] } }
    func store(_ build: FolderBuild, of path: String) { tables.withLock { $0.folders[path] = build } }
}
