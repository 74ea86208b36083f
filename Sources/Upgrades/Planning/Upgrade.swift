import Foundation

/// One dependency with newer versions: what is written now, the newest version the policy
/// allows (the one an upgrade writes), and the newest that exists at all.
public struct Upgrade: Sendable {
    public var dependency: Dependency
    /// The candidate as the datasource lists it; nil when only versions the policy refuses are newer.
    public var newestAllowed: String?
    public var newestOverall: String
    public var updateType: UpdateType?
    /// The text that replaces `dependency.currentValue` (the `v` prefix follows the current one).
    public var newValue: String?
    /// The new tag's digest, for a `tag@digest` reference.
    public var newDigest: String?
    /// Release-notes links: a chart's `home`/`sources`, an image's source label.
    public var releaseNotes: [String]
    /// Chart archives of the current and the new version, for the chart comparison.
    public var currentArchive: URL?
    public var newArchive: URL?

    public init(
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
    public var isApplicable: Bool { newValue != nil }
}

/// What an upgrade run found.
public struct UpgradeReport: Sendable {
    public struct Skipped: Sendable {
        public var dependency: Dependency
        public var reason: String
    }

    public var detection: DetectionReport
    public var upgrades: [Upgrade] = []
    public var upToDate: [Dependency] = []
    /// Pinned to something that is not a version under its scheme (`latest`, a SHA, a range), or ignored by a rule.
    public var skipped: [Skipped] = []
    /// The datasource could not answer for these.
    public var failures: [Skipped] = []

    public init(detection: DetectionReport) {
        self.detection = detection
    }
}
