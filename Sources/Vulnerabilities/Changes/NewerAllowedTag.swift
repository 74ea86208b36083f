import Upgrades

/// The newest tag the upgrade settings allow for a pinned image, as `upgrade` would write it
/// (with the new tag's digest for a `tag@digest` pin); nil when none is newer or the registry
/// cannot list tags.
package struct NewerAllowedTag: Sendable {
    package let planner: UpgradePlanner

    package init(planner: UpgradePlanner) {
        self.planner = planner
    }

    package func callAsFunction(_ dependency: Dependency) async -> ImageReference? {
        guard dependency.kind == .image else { return nil }
        let report = await planner.plan(DetectionReport(dependencies: [dependency], filesScanned: 1))
        return report.upgrades.first.flatMap(ImageScanner.image(after:))
    }
}
