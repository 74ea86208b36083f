/// One constraint of a range reduced to an interval: `~1.2` is `>=1.2.0 <1.3.0`, `!=1.x` is
/// "outside `>=1.0.0 <2.0.0`". Parsing does the Masterminds expansion; checking is comparisons.
struct RangeComparator: Sendable, Hashable {
    struct Bound: Sendable, Hashable {
        var version: NumericVersion
        var isInclusive: Bool
    }

    var lower: Bound?
    var upper: Bound?
    /// For `!=`: the version must fall outside the interval.
    var isNegated = false
    /// Whether the constraint's own version has a prerelease, which lets prereleases into its group.
    var namesPrerelease = false

    /// No bounds: every version is inside.
    static let any = RangeComparator()
    /// Outside an unbounded interval: no version is (`!=*`).
    static let none = RangeComparator(isNegated: true)

    func admits(_ version: NumericVersion) -> Bool {
        isInside(version) != isNegated
    }

    private func isInside(_ version: NumericVersion) -> Bool {
        if let lower {
            let order = version.compare(to: lower.version)
            if order < 0 || (order == 0 && !lower.isInclusive) { return false }
        }
        if let upper {
            let order = version.compare(to: upper.version)
            if order > 0 || (order == 0 && !upper.isInclusive) { return false }
        }
        return true
    }
}
