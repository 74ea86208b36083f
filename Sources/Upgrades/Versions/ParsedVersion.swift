/// A tag parsed once under one scheme. Selection over registry tag lists (often 10,000 entries)
/// compares these instead of re-parsing text on every comparison.
package protocol ParsedVersion: Sendable {
    /// The release numbers as written (`1.2` is `[1, 2]`, not padded).
    var release: [Int] { get }
    /// Prerelease identifiers in SemVer's dotted form; empty for a stable version. Ranges read
    /// these, so every scheme maps its own notion of "prerelease" onto them.
    var prereleaseIdentifiers: [String] { get }
    var isStable: Bool { get }
    /// Whether `self` may replace `current` at all (same suffix, precision or compatibility group).
    func isCompatible(with current: Self) -> Bool
    /// The scheme's own ordering: negative, zero or positive as `self` is lower, equal or higher.
    func compare(to other: Self) -> Int
}

extension ParsedVersion {
    /// The version as ranges see it: release numbers and SemVer-ordered prerelease identifiers.
    package var numericVersion: NumericVersion {
        NumericVersion(release: release, prerelease: prereleaseIdentifiers)
    }

    package func updateType(from current: Self) -> UpdateType {
        UpdateType(from: current.release, to: release)
    }
}
