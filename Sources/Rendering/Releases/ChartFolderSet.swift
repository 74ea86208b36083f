import Foundation
import Manifests

/// The chart folders of the checked tree: every folder holding a `Chart.yaml`.
struct ChartFolderSet: Sendable {
    private(set) var folders: [String]
    private let index: SourceFolders

    init(chartFiles: [String]) {
        folders = chartFiles.map { ($0 as NSString).deletingLastPathComponent }.sorted()
        index = SourceFolders(folders)
    }

    /// The folder a source path names (`./charts/podinfo` of a GitRepository, `apps/podinfo` of an
    /// Argo CD Application): relative to the repository's root, which the checked paths may sit
    /// under, so the folder whose path ends with it that is nearest to `file` wins.
    func folder(forSourcePath written: String, from file: String) -> String? {
        index.folder(forSourcePath: written, near: file)
    }
}
