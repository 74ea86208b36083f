import Forge
import Foundation
import GitKit
import HTTPKit
import Policy
import Upgrades

/// What every upgrade job of a service shares: the settings, the HTTP client for registries and
/// Helm repositories, the disk cache and the deprecation data the chart comparison reads. Each
/// job gets a fresh `VersionLookup`, so one run asks each repository once and the next asks again.
public struct UpgradeSetup: Sendable {
    public let settings: UpgradeSettings
    public let http: any HTTPClient
    public let cache: DiskCache
    public let deprecations: DeprecationTable
    public let kubernetesVersion: ReleaseVersion
    public let committer: Signature
    public let tagListLifetime: Duration

    public init(settings: UpgradeSettings, http: any HTTPClient, cache: DiskCache, deprecations: DeprecationTable, kubernetesVersion: ReleaseVersion,
                committer: Signature = CommandJob.defaultCommitter, tagListLifetime: Duration = .seconds(15 * 60)) {
        self.settings = settings
        self.http = http
        self.cache = cache
        self.deprecations = deprecations
        self.kubernetesVersion = kubernetesVersion
        self.committer = committer
        self.tagListLifetime = tagListLifetime
    }

    public func job(forge: any Forge, mirrors: MirrorCache, templates: CommentTemplates, now: @escaping @Sendable () -> Date = { Date() }) throws -> UpgradeJob {
        let lookup = try VersionLookup.make(settings: settings, http: http, cache: cache, tagListLifetime: tagListLifetime)
        return UpgradeJob(forge: forge, mirrors: mirrors, planner: UpgradePlanner(settings: settings, lookup: lookup, readsSourceLabels: true),
                          explainer: ChartUpgradeExplainer(lookup: lookup, http: http, deprecations: deprecations, kubernetesVersion: kubernetesVersion),
                          templates: templates, committer: committer, now: now)
    }
}
