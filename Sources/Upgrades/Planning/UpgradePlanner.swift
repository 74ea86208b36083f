import Foundation

/// Asks the datasources for every dependency's versions (each source once) and chooses, per
/// dependency, the newest version its policy allows.
package struct UpgradePlanner: Sendable {
    package let settings: UpgradeSettings
    package let lookup: VersionLookup
    /// Also read each upgraded image's source label, for release-notes links (a manifest and a
    /// blob request per new image): pull-request bodies want them, a listing does not.
    package var readsSourceLabels: Bool

    package init(settings: UpgradeSettings, lookup: VersionLookup, readsSourceLabels: Bool = false) {
        self.settings = settings
        self.lookup = lookup
        self.readsSourceLabels = readsSourceLabels
    }

    /// `only`: a name or add-on (with `*` wildcards) to limit the run to.
    package func plan(_ detection: DetectionReport, only: String? = nil) async -> UpgradeReport {
        var report = UpgradeReport(detection: detection)
        let dependencies = detection.dependencies.filter { dependency in
            only.map { Glob.matches($0, dependency.name) || Glob.matches($0, dependency.addOn) } ?? true
        }
        var wanted: [PackageSource: [(dependency: Dependency, policy: UpgradePolicy, scheme: any VersionScheme)]] = [:]
        for dependency in dependencies {
            let (policy, scheme) = settings.policy(for: dependency)
            if policy.ignore {
                report.skipped.append(.init(dependency: dependency, reason: "ignored by a rule"))
            } else if !scheme.isVersion(dependency.currentValue) {
                report.skipped.append(
                    .init(dependency: dependency, reason: "\(dependency.currentValue) is not a \(scheme.name) version"))
            } else {
                wanted[dependency.source, default: []].append((dependency, policy, scheme))
            }
        }
        let answers = await withTaskGroup(of: (PackageSource, Result<PackageVersions, DatasourceError>).self) { group in
            for source in wanted.keys { group.addTask { (source, await lookup.versions(of: source)) } }
            var answers: [PackageSource: Result<PackageVersions, DatasourceError>] = [:]
            for await (source, answer) in group { answers[source] = answer }
            return answers
        }
        var upgrades: [Upgrade] = []
        for (source, group) in wanted {
            switch answers[source] {
            case .success(let versions)?:
                for (dependency, policy, scheme) in group {
                    if let upgrade = choose(for: dependency, policy: policy, scheme: scheme, among: versions) {
                        upgrades.append(upgrade)
                    } else {
                        report.upToDate.append(dependency)
                    }
                }
            case .failure(let error)?:
                report.failures += group.map { .init(dependency: $0.dependency, reason: error.description) }
            case nil:
                break
            }
        }
        upgrades = await addImageDetails(upgrades)
        report.upgrades = upgrades.sorted {
            ($0.dependency.location.file, $0.dependency.location.line) < (
                $1.dependency.location.file, $1.dependency.location.line
            )
        }
        report.upToDate.sort { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
        return report
    }

    /// Every version newer than the dependency's that its policy allows, nearest first, each as an
    /// upgrade would write it; the last is the one `plan` proposes. Empty when the policy ignores it.
    package func allowedVersions(of dependency: Dependency) async -> Result<[String], DatasourceError> {
        let (policy, scheme) = settings.policy(for: dependency)
        guard !policy.ignore, scheme.isVersion(dependency.currentValue) else { return .success([]) }
        return await lookup.versions(of: dependency.source).map { versions in
            VersionSelector.allowed(
                current: dependency.currentValue, candidates: candidates(for: dependency, among: versions),
                scheme: scheme, policy: policy
            ).map { scheme.newValue(current: dependency.currentValue, candidate: $0) }
        }
    }

    private func candidates(for dependency: Dependency, among versions: PackageVersions) -> [String] {
        // Helm writes a chart version's `+` as `_` in an OCI tag.
        if dependency.kind == .chart, case .registry = dependency.source {
            return versions.versions.map { $0.replacingOccurrences(of: "_", with: "+") }
        }
        return versions.versions
    }

    private func choose(
        for dependency: Dependency, policy: UpgradePolicy, scheme: any VersionScheme, among versions: PackageVersions
    ) -> Upgrade? {
        let candidates = candidates(for: dependency, among: versions)
        let choice = VersionSelector.choose(
            current: dependency.currentValue, candidates: candidates, scheme: scheme, policy: policy)
        guard let newest = choice.newestOverall else { return nil }
        let newValue = choice.newestAllowed.map { scheme.newValue(current: dependency.currentValue, candidate: $0) }
        let notes = choice.newestAllowed.flatMap { versions.links[$0] } ?? versions.links[newest] ?? []
        return Upgrade(
            dependency: dependency, newestAllowed: choice.newestAllowed, newestOverall: newest,
            updateType: choice.updateType,
            newValue: newValue, releaseNotes: notes, currentArchive: versions.archives[dependency.currentValue],
            newArchive: choice.newestAllowed.flatMap { versions.archives[$0] })
    }

    /// New digests for `tag@digest` references and, when asked, source labels for release
    /// notes; the lookup asks once per image and tag.
    private func addImageDetails(_ upgrades: [Upgrade]) async -> [Upgrade] {
        await withTaskGroup(of: (Int, Upgrade).self) { group in
            for (index, upgrade) in upgrades.enumerated() {
                guard upgrade.dependency.kind == .image, let tag = upgrade.newestAllowed,
                    upgrade.dependency.digest != nil || readsSourceLabels
                else { continue }
                group.addTask {
                    var upgrade = upgrade
                    if upgrade.dependency.digest != nil {
                        upgrade.newDigest = await lookup.digest(of: upgrade.dependency.source, tag: tag)
                    }
                    if readsSourceLabels, let label = await lookup.sourceLabel(of: upgrade.dependency.source, tag: tag)
                    {
                        upgrade.releaseNotes = [label]
                    }
                    return (index, upgrade)
                }
            }
            var result = upgrades
            for await (index, upgrade) in group { result[index] = upgrade }
            return result
        }
    }
}
