import Foundation

/// What builds of several roots share: each resource file parsed once, each base folder built
/// once (a base under ten overlays is read and transformed once, not ten times).
///
/// Only for one tree at one moment: nothing notices files changing.
package final class BuildCache: @unchecked Sendable {
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

    private let lock = NSLock()
    private var resourceFiles: [String: [Resource]] = [:]
    private var folders: [String: FolderBuild] = [:]

    package init() {}

    func resources(of path: String) -> [Resource]? { lock.withLock { resourceFiles[path] } }
    func store(_ resources: [Resource], of path: String) { lock.withLock { resourceFiles[path] = resources } }
    func folder(_ path: String) -> FolderBuild? { lock.withLock { folders[path] } }
    func store(_ build: FolderBuild, of path: String) { lock.withLock { folders[path] = build } }
}
