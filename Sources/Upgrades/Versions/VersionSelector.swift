/// Picks the upgrade for one dependency from a registry's tag list: unordered, possibly with
/// duplicates and thousands of entries, each parsed once.
package enum VersionSelector {
    /// Candidates count when they are versions compatible with and greater than `current`, and
    /// stable unless `current` is unstable (with `ignoreUnstable`). Nothing is chosen when
    /// `current` is no version (`latest`, a SHA), when the policy ignores the dependency, or,
    /// for `newestAllowed`, when the policy's range does not parse.
    package static func choose(current: String, candidates: [String], scheme: any VersionScheme, policy: UpgradePolicy)
        -> VersionChoice
    {
        choose(current: current, candidates: candidates, in: scheme, policy: policy)
    }

    private static func choose<Scheme: VersionScheme>(
        current: String, candidates: [String], in scheme: Scheme, policy: UpgradePolicy
    ) -> VersionChoice {
        guard !policy.ignore, let currentVersion = scheme.parse(current) else { return VersionChoice() }
        let range = Result { try policy.versionRange() }
        let admitsUnstable = !policy.ignoreUnstable || !currentVersion.isStable
        var overall: (text: String, version: Scheme.Version)?
        var allowed: (text: String, version: Scheme.Version)?
        for text in candidates {
            guard let version = scheme.parse(text),
                version.isCompatible(with: currentVersion),
                version.compare(to: currentVersion) > 0,
                admitsUnstable || version.isStable
            else { continue }
            if isBetter(text, version, than: overall) { overall = (text, version) }
            // Cheap ordering first: the update type and range only matter for a new best.
            guard isBetter(text, version, than: allowed),
                version.updateType(from: currentVersion) <= policy.allow,
                isInside(version, range)
            else { continue }
            allowed = (text, version)
        }
        return VersionChoice(
            newestAllowed: allowed?.text,
            newestOverall: overall?.text,
            updateType: allowed.map { $0.version.updateType(from: currentVersion) }
        )
    }

    /// Every candidate the policy allows (what `choose` picks its `newestAllowed` from), in version
    /// order, nearest to `current` first; each version once, spelled as `choose` would pick it.
    package static func allowed(current: String, candidates: [String], scheme: any VersionScheme, policy: UpgradePolicy)
        -> [String]
    {
        allowed(current: current, candidates: candidates, in: scheme, policy: policy)
    }

    private static func allowed<Scheme: VersionScheme>(
        current: String, candidates: [String], in scheme: Scheme, policy: UpgradePolicy
    ) -> [String] {
        guard !policy.ignore, let currentVersion = scheme.parse(current) else { return [] }
        let range = Result { try policy.versionRange() }
        let admitsUnstable = !policy.ignoreUnstable || !currentVersion.isStable
        let versions = candidates.compactMap { text -> (text: String, version: Scheme.Version)? in
            guard let version = scheme.parse(text),
                version.isCompatible(with: currentVersion),
                version.compare(to: currentVersion) > 0,
                admitsUnstable || version.isStable,
                version.updateType(from: currentVersion) <= policy.allow,
                isInside(version, range)
            else { return nil }
            return (text, version)
        }
        // Ascending, equal versions by text, so the last of each run is the spelling `choose` keeps.
        let sorted = versions.sorted { isBetter($1.text, $1.version, than: $0) }
        var result: [String] = []
        for (index, entry) in sorted.enumerated() {
            let next = index + 1 < sorted.count ? sorted[index + 1] : nil
            if let next, next.version.compare(to: entry.version) == 0 { continue }
            result.append(entry.text)
        }
        return result
    }

    /// Equal versions spelled differently (`18.04`/`18.4`, `1.0.0+a`/`1.0.0+b`) are settled by
    /// text, so the answer does not depend on the registry's order.
    private static func isBetter<Version: ParsedVersion>(
        _ text: String, _ version: Version, than best: (text: String, version: Version)?
    ) -> Bool {
        guard let best else { return true }
        let order = version.compare(to: best.version)
        return order > 0 || (order == 0 && TextOrder.compareBytes(text, best.text) > 0)
    }

    private static func isInside(_ version: some ParsedVersion, _ range: Result<VersionRange?, any Error>) -> Bool {
        switch range {
        case .success(nil): true
        case .success(let range?): range.contains(version.numericVersion)
        case .failure: false
        }
    }
}
