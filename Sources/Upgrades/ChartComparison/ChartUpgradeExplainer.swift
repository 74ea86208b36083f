import Foundation
import HTTPKit
import Manifests

/// Downloads both archives of a chart upgrade (from the Helm repository's index URLs, or the
/// chart layer of the OCI artifact) and says, in Markdown, what the new version changes.
package struct ChartUpgradeExplainer: Sendable {
    package let lookup: VersionLookup
    package let http: any HTTPClient
    package let deprecations: DeprecationTable
    package let kubernetesVersion: ReleaseVersion

    package init(
        lookup: VersionLookup, http: any HTTPClient, deprecations: DeprecationTable, kubernetesVersion: ReleaseVersion
    ) {
        self.lookup = lookup
        self.http = http
        self.deprecations = deprecations
        self.kubernetesVersion = kubernetesVersion
    }

    /// The comparison's Markdown, or a sentence saying why there is none.
    package func explain(_ upgrade: Upgrade) async -> String {
        guard upgrade.dependency.kind == .chart, let newVersion = upgrade.newestAllowed else { return "" }
        do {
            async let old = archive(of: upgrade, version: upgrade.dependency.currentValue, url: upgrade.currentArchive)
            async let new = archive(of: upgrade, version: newVersion, url: upgrade.newArchive)
            let (oldData, newData) = try await (old, new)
            let (oldChart, newChart) = try await Task.detached {
                (try ChartContents.unpack(oldData), try ChartContents.unpack(newData))
            }.value
            let comparison = ChartComparison.compare(
                old: oldChart, new: newChart, deprecations: deprecations, kubernetesVersion: kubernetesVersion)
            if comparison.isEmpty {
                return
                    "Comparing the charts \(upgrade.dependency.currentValue) and \(newVersion): no CRD, default value or deprecated API changed.\n"
            }
            return comparison.markdown(oldVersion: upgrade.dependency.currentValue, newVersion: newVersion)
        } catch {
            return "The charts could not be compared: \(error).\n"
        }
    }

    private func archive(of upgrade: Upgrade, version: String, url: URL?) async throws -> Data {
        try await ChartArchiveFetcher(lookup: lookup, http: http).archive(
            of: upgrade.dependency.source, version: version, url: url)
    }
}
