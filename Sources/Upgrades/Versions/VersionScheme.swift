/// One way of reading version tags (Renovate calls these "versionings"). The text-level methods
/// answer single questions; `parse` lets selection read each of thousands of tags only once.
package protocol VersionScheme: Sendable {
    associatedtype Version: ParsedVersion

    /// The name users write in configuration: "docker", "semver", "regex".
    var name: String { get }
    /// The parsed form of `text`, or nil when it is not a version under this scheme.
    func parse(_ text: String) -> Version?

    func isVersion(_ text: String) -> Bool
    /// True for versions without a prerelease; false for anything that is not a version.
    func isStable(_ text: String) -> Bool
    /// Whether `candidate` may replace `current` (docker: same suffix and same precision).
    func isCompatible(_ candidate: String, with current: String) -> Bool
    /// Negative, zero or positive as `lhs` is lower, equal or higher. Only meaningful for
    /// versions; non-versions sort below every version.
    func compare(_ lhs: String, _ rhs: String) -> Int
    /// The size of the step; `.major` when either side is not a version, the cautious answer.
    func updateType(from current: String, to new: String) -> UpdateType
    /// The text to write into the file when `current` is replaced by `candidate`.
    func newValue(current: String, candidate: String) -> String
}

extension VersionScheme {
    package func isVersion(_ text: String) -> Bool {
        parse(text) != nil
    }

    package func isStable(_ text: String) -> Bool {
        parse(text)?.isStable ?? false
    }

    package func isCompatible(_ candidate: String, with current: String) -> Bool {
        guard let candidate = parse(candidate), let current = parse(current) else { return false }
        return candidate.isCompatible(with: current)
    }

    package func compare(_ lhs: String, _ rhs: String) -> Int {
        switch (parse(lhs), parse(rhs)) {
        case (let left?, let right?): left.compare(to: right)
        case (_?, nil): 1
        case (nil, _?): -1
        case (nil, nil): TextOrder.compareBytes(lhs, rhs)
        }
    }

    package func updateType(from current: String, to new: String) -> UpdateType {
        guard let current = parse(current), let new = parse(new) else { return .major }
        return new.updateType(from: current)
    }

    /// Renovate's rule: a file that omits the leading "v" keeps omitting it; otherwise the
    /// candidate is written exactly as the registry lists it.
    package func newValue(current: String, candidate: String) -> String {
        guard candidate.hasPrefix("v"), !current.hasPrefix("v") else { return candidate }
        let withoutV = String(candidate.dropFirst())
        return isVersion(withoutV) ? withoutV : candidate
    }
}
