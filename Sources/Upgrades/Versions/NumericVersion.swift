/// Release numbers plus prerelease identifiers, ordered by SemVer 2.0 precedence with missing
/// release numbers read as 0 (`1.2` equals `1.2.0`). SemVer versions and version ranges compare
/// these; every scheme can express its versions this way.
package struct NumericVersion: Sendable, Hashable, CustomStringConvertible {
    package var release: [Int]
    package var prerelease: [String]

    package init(release: [Int], prerelease: [String] = []) {
        self.release = release
        self.prerelease = prerelease
    }

    package var isPrerelease: Bool { !prerelease.isEmpty }

    package var description: String {
        let core = release.map(String.init).joined(separator: ".")
        return prerelease.isEmpty ? core : core + "-" + prerelease.joined(separator: ".")
    }

    /// Negative, zero or positive as `self` has lower, equal or higher precedence than `other`.
    package func compare(to other: NumericVersion) -> Int {
        let length = max(release.count, other.release.count)
        for index in 0..<length {
            let left = index < release.count ? release[index] : 0
            let right = index < other.release.count ? other.release[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return Self.comparePrerelease(prerelease, other.prerelease)
    }

    /// semver.org §11: a version without prerelease is higher; identifiers compare left to right,
    /// numeric ones numerically and below alphanumeric ones; a longer list wins a tie.
    static func comparePrerelease(_ lhs: [String], _ rhs: [String]) -> Int {
        if lhs.isEmpty || rhs.isEmpty {
            return lhs.isEmpty == rhs.isEmpty ? 0 : (lhs.isEmpty ? 1 : -1)
        }
        for (left, right) in zip(lhs, rhs) {
            let order = compareIdentifier(left, right)
            if order != 0 { return order }
        }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }

    private static func compareIdentifier(_ lhs: String, _ rhs: String) -> Int {
        switch (ASCII.isDigits(lhs), ASCII.isDigits(rhs)) {
        case (true, true): TextOrder.compareDigits(lhs.utf8, rhs.utf8)
        case (true, false): -1
        case (false, true): 1
        case (false, false): TextOrder.compareBytes(lhs, rhs)
        }
    }
}
