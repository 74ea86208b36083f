import Forge
import Foundation
import GitKit
import HTTPKit
import HelmKit
import Manifests
import Policy
import Rendering
import Upgrades

/// What every upgrade job of a service shares: the settings, the HTTP client for registries and
/// Helm repositories, the disk cache and the deprecation data the chart comparison reads. Each
/// job gets a fresh `VersionLookup`, so one run asks each repository once and the next asks again.
package struct UpgradeSetup: Sendable {
    package let settings: UpgradeSettings
    package let http: any HTTPClient
    package let cache: DiskCache
    package let deprecations: DeprecationTable
    package let kubernetesVersion: ReleaseVersion
    package let committer: Signature
    package let tagListLifetime: Duration
    /// Renders charts for the upgrade's effect on what the repository deploys (nil: not rendered).
    package var library: HelmLibrary?
    /// Where those renders run (worker processes under limits, for the bot); in process when nil.
    package var renderer: (any ChartRenderer)?

    package init(
        settings: UpgradeSettings, http: any HTTPClient, cache: DiskCache, deprecations: DeprecationTable,
        kubernetesVersion: ReleaseVersion,
        committer: Signature = CommandJob.defaultCommitter, tagListLifetime: Duration = .seconds(15 * 60)
    ) {
        self.settings = settings
        self.http = http
        self.cache = cache
        self.deprecations = deprecations
        self.kubernetesVersion = kubernetesVersion
        self.committer = committer
        self.tagListLifetime = tagListLifetime
    }

    package func job(
        forge: any Forge, mirrors: MirrorCache, templates: CommentTemplates,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> UpgradeJob {
        let lookup = try VersionLookup.make(
            settings: settings, http: http, cache: cache, tagListLifetime: tagListLifetime)
        var job = UpgradeJob(
            forge: forge, mirrors: mirrors,
            planner: UpgradePlanner(settings: settings, lookup: lookup, readsSourceLabels: true),
            explainer: ChartUpgradeExplainer(
                lookup: lookup, http: http, deprecations: deprecations, kubernetesVersion: kubernetesVersion),
            templates: templates, committer: committer, now: now)
        if let library {
            var rendering = ChartRendering(
                library: library, fetcher: ChartArchiveFetcher(lookup: lookup, http: http), cacheFolder: cache.folder)
            rendering.renderer = renderer
            let configuration = try BundledData.defaultConfiguration()
            let policy = PolicyEngine(
                configuration: configuration,
                settings: EvaluationSettings(
                    deprecations: deprecations, kubernetesVersion: kubernetesVersion,
                    targetVersions: configuration.targetVersions))
            job.renderedEffect = UpgradeRenderedEffect(rendering: rendering, policy: policy)
        }
        return job
    }
}
