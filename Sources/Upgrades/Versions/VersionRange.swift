/// "Pin to a range": the constraints users write for Helm and Flux (Masterminds semver syntax),
/// e.g. `>=1.2.0 <2.0.0`, `~1.2`, `^1.2.3`, `1.x`, `1.2.*`, `=1.2.3`, `1.2 - 1.4`, alternatives
/// joined by `||`. Works with any scheme through release numbers and prerelease identifiers.
package struct VersionRange: Sendable, Hashable, CustomStringConvertible {
    /// The range as the user wrote it.
    package let text: String
    /// Alternatives (`||`), each a conjunction of comparators.
    let alternatives: [[RangeComparator]]

    /// Throws `VersionSyntaxError` naming the part that is not a constraint.
    package init(_ text: String) throws {
        self.text = text
        alternatives = try RangeParser(text: text).alternatives()
    }

    package var description: String { text }

    /// Whether `version`, read under `scheme`, satisfies the range; false for non-versions.
    package func contains(_ version: String, scheme: any VersionScheme) -> Bool {
        guard let parsed = scheme.parse(version) else { return false }
        return contains(parsed.numericVersion)
    }

    /// As Masterminds semver: a prerelease version only satisfies an alternative in which some
    /// comparator names a prerelease, so `^1.2.0` never picks `1.3.0-rc.1`.
    package func contains(_ version: NumericVersion) -> Bool {
        alternatives.contains { comparators in
            (!version.isPrerelease || comparators.contains(where: \.namesPrerelease))
                && comparators.allSatisfy { $0.admits(version) }
        }
    }
}
