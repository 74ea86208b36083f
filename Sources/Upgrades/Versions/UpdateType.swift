/// How big a step an upgrade is, judged by the first release number that changes. Ordered so a
/// policy can say "at most minor": `patch < minor < major`.
package enum UpdateType: String, Sendable, Codable, Comparable, CaseIterable {
    case patch, minor, major

    /// The step from `current` to `new` release numbers; missing numbers count as 0, so
    /// `1.2` → `1.3.0` is a minor step.
    package init(from current: [Int], to new: [Int]) {
        let length = max(current.count, new.count)
        var index = 0
        while index < length, (index < current.count ? current[index] : 0) == (index < new.count ? new[index] : 0) {
            index += 1
        }
        switch index {
        case 0: self = .major
        case 1: self = .minor
        default: self = .patch
        }
    }

    package static func < (lhs: UpdateType, rhs: UpdateType) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .patch: 0
        case .minor: 1
        case .major: 2
        }
    }
}
