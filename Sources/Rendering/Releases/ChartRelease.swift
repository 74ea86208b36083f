import Policy
import Upgrades

/// One installation of a chart that the repository asks for: a Flux HelmRelease, an Argo CD
/// Application's Helm source, or a chart folder of the repository rendered with its own values.
package struct ChartRelease: Sendable {
    enum Chart: Sendable, Hashable {
        /// A chart folder in the scanned tree.
        case folder(String)
        /// A chart from a Helm repository or an OCI registry, at a version or version range.
        case published(PackageSource, version: String)
    }

    var chart: Chart
    /// Values in the order they are laid over the chart's defaults.
    var values: [ValuesTree]
    var releaseName: String
    var namespace: String
    /// What asks for it (`HelmRelease flux-system/podinfo`), for messages.
    var owner: String
    /// Where findings go that no written value explains, and where errors are reported.
    var anchor: SourceLocation
    /// Per template, a better place than `anchor` when no value explains a finding (a chart of
    /// this repository: the template itself).
    /// The files whose contents make the release (its own, its source's, its values files and
    /// ConfigMaps): a change to any of them changes what it renders.
    var inputFiles: Set<String> = []

    /// Whether a change to `paths` changes what the release renders.
    package func isAffected(by paths: Set<String>) -> Bool {
        if !inputFiles.isDisjoint(with: paths) { return true }
        guard case .folder(let folder) = chart else { return false }
        return paths.contains { $0.hasPrefix(folder + "/") }
    }

    /// Identifies the release among all of a run: the owner and the file that holds it.
    package var id: String { "\(anchor.file)@\(owner)" }

    /// All values merged, as Helm receives them.
    var mergedValues: ValuesTree {
        values.reduce(ValuesTree.emptyMap) { $0.merging($1) }
    }
}

/// Something about a release that could not be done: where it was asked for, and why.
package struct RenderNote: Error, Sendable, Hashable, CustomStringConvertible {
    package var location: SourceLocation
    package var message: String

    package init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    package var description: String { "\(location): \(message)" }
}
