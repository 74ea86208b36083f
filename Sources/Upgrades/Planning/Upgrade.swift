import Foundation

/// One dependency with newer versions: what is written now, the newest version the policy
/// allows (the one an upgrade writes), and the newest that exists at all.
package struct Upgrade: Sendable {
    package var dependency: Dependency
    /// The candidate as the datasource lists it; nil when only versions the policy refuses are newer.
    package var newestAllowed: String?
    package var newestOverall: String
    package var updateType: UpdateType?
    /// The text that replaces `dependency.currentValue` (the `v` prefix follows the current one).
    package var newValue: String?
    /// The new tag's digest, for a `tag@digest` reference.
    package var newDigest: String?
    /// Release-notes links: a chart's `home`/`sources`, an image's source label.
    package var releaseNotes: [String]
    /// Chart archives of the current and the new version, for the chart comparison.
    package var currentArchive: URL?
    package var newArchive: URL?

    package init(
        dependency: Dependency, newestAllowed: String?, newestOverall: String, updateType: UpdateType?,
        newValue: String?,
        newDigest: String? = nil, releaseNotes: [String] = [], currentArchive: URL? = nil, newArchive: URL? = nil
    ) {
        self.dependency = dependency
        self.newestAllowed = newestAllowed
        self.newestOverall = newestOverall
        self.updateType = updateType
        self.newValue = newValue
        self.newDigest = newDigest
        self.releaseNotes = releaseNotes
        self.currentArchive = currentArchive
        self.newArchive = newArchive
    }

    /// True when an edit would be made (the policy allows a newer version).
    package var isApplicable: Bool { newValue != nil }
}

/// What an upgrade run found.
package struct UpgradeReport: Sendable {
    package struct Skipped: Sendable {
        package var dependency: Dependency
        package var reason: String
    }

    package var detection: DetectionReport
    package var upgrades: [Upgrade] = []
    package var upToDate: [Dependency] = []
    /// Pinned to something that is not a version under its scheme (`latest`, a SHA, a range), or ignored by a rule.
    package var skipped: [Skipped] = []
    /// The datasource could not answer for these.
    package var failures: [Skipped] = []

    package init(detection: DetectionReport) {
        self.detection = detection
    }
}
