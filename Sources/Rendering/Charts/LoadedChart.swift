import HelmKit

/// A chart ready to render: loaded into Helm, with its default values for the provenance of
/// rendered maps.
struct LoadedChart: Sendable {
    let chart: HelmChart
    let defaults: ValuesTree
    /// `podinfo 6.14.1`, as messages name it.
    let label: String
    /// The chart's folder when it is in the checked tree.
    let folder: String?
    /// Where the chart is on disk (the tree's folder, a copy of it, or the cache's unpacked archive).
    let diskFolder: String
}
