import Upgrades

/// The tags newer than a pinned image's that the upgrade settings allow, nearest first, as
/// `upgrade` would write each; empty when none is newer or the registry cannot list tags.
package struct AllowedTags: Sendable {
    package let planner: UpgradePlanner

    package init(planner: UpgradePlanner) {
        self.planner = planner
    }

    package func callAsFunction(_ dependency: Dependency) async -> [String] {
        guard dependency.kind == .image, case .success(let tags) = await planner.allowedVersions(of: dependency) else {
            return []
        }
        return tags
    }
}
