/// A tag read through a user's regex versioning pattern (Renovate's `regex:` versioning).
package struct RegexVersion: ParsedVersion, Hashable {
    /// Major, minor, patch (0 when the pattern lacks the group), then build and revision if captured.
    package let release: [Int]
    /// The `prerelease` group; empty when it did not match.
    package let prerelease: String
    /// The `compatibility` group; nil when the pattern has none or it did not match.
    package let compatibility: String?

    package init(release: [Int], prerelease: String = "", compatibility: String? = nil) {
        self.release = release
        self.prerelease = prerelease
        self.compatibility = compatibility
    }

    package var prereleaseIdentifiers: [String] {
        prerelease.isEmpty ? [] : prerelease.split(separator: ".").map(String.init)
    }

    package var isStable: Bool { prerelease.isEmpty }

    /// Only tags in the same compatibility group replace each other (`postgresql-` stays `postgresql-`).
    package func isCompatible(with current: RegexVersion) -> Bool {
        compatibility == current.compatibility
    }

    /// Renovate's generic ordering: release numbers (missing ones are 0), then a prerelease sorts
    /// below none, two prereleases in natural order (`rc9` < `rc10`).
    package func compare(to other: RegexVersion) -> Int {
        for index in 0..<max(release.count, other.release.count) {
            let left = index < release.count ? release[index] : 0
            let right = index < other.release.count ? other.release[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        switch (prerelease.isEmpty, other.prerelease.isEmpty) {
        case (false, false): return TextOrder.alphabetical(prerelease, other.prerelease, numeric: true)
        case (false, true): return -1
        case (true, false): return 1
        case (true, true): return 0
        }
    }
}
