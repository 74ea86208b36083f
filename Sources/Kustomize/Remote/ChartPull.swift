import Foundation
import Synchronization

/// A chart a `helmCharts` entry names by `repo:` and that is not in the chart home: pulled by
/// the caller between builds (as kustomize pulls it), then rendered from the folder it was put in.
package struct ChartPull: Sendable, Hashable, CustomStringConvertible {
    package var name: String
    /// A Helm repository's URL or `oci://...`.
    package var repo: String
    /// As written; empty for the newest.
    package var version: String

    package init(name: String, repo: String, version: String) {
        self.name = name
        self.repo = repo
        self.version = version
    }

    package var description: String { "\(name) \(version.isEmpty ? "(newest)" : version) from \(repo)" }
}

extension RemoteTrees {
    /// The charts builds asked for that are neither pulled nor failed.
    package var wantedCharts: [ChartPull] {
        state.withLock { state in
            state.askedCharts.filter { state.charts[$0] == nil && state.chartFailures[$0] == nil }
        }
        .sorted { $0.description < $1.description }
    }

    /// The folder on disk (an absolute path) that holds the pulled chart.
    package func store(chartFolder: String, for pull: ChartPull) {
        state.withLock { $0.charts[pull] = chartFolder }
    }

    /// Why the chart could not be pulled (offline, not in the repository, over a bound).
    package func fail(_ pull: ChartPull, reason: String) {
        state.withLock { $0.chartFailures[pull] = reason }
    }

    enum ChartLookup {
        case pulled(String)
        case failed(String)
        case missing
    }

    func lookup(_ pull: ChartPull) -> ChartLookup {
        state.withLock { state in
            if let folder = state.charts[pull] { return .pulled(folder) }
            if let reason = state.chartFailures[pull] { return .failed(reason) }
            state.askedCharts.insert(pull)
            return .missing
        }
    }
}
