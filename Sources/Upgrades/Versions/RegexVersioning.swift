import Foundation

/// Renovate's `regex:` versioning for tags no built-in scheme reads, e.g.
/// `^(?<compatibility>.*)-(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)$` for `postgresql-1.37.0`.
/// Named groups: `major`, `minor`, `patch`, `build`, `revision`, `prerelease`, `compatibility`.
package struct RegexVersioning: VersionScheme {
    package let pattern: String
    private let expression: NSRegularExpression
    /// How to find each group in a match, in `Group.allCases` order; nil when the pattern lacks it.
    private let lookups: [GroupLookup?]

    package init(pattern: String) throws {
        self.pattern = pattern
        // Renovate checks the text too; asking NSRegularExpression for an undeclared name
        // raises an Objective-C exception on Darwin, so undeclared groups are never looked up.
        let declared = Group.allCases.map { pattern.contains("(?<\($0.rawValue)>") }
        guard declared[Group.major.index] || declared[Group.minor.index] || declared[Group.patch.index] else {
            throw VersionSyntaxError(
                subject: .pattern, text: pattern,
                problem: "it has no major, minor or patch group",
                hint: "Name at least one group, e.g. ^(?<major>\\d+)\\.(?<minor>\\d+)\\.(?<patch>\\d+)$."
            )
        }
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            throw VersionSyntaxError(
                subject: .pattern, text: pattern,
                problem: "it does not compile as a regular expression",
                hint: "Check brackets and escapes; named groups are written (?<major>...)."
            )
        }
        let numbers = CaptureGroupNumbers.named(in: pattern, captureGroupCount: expression.numberOfCaptureGroups)
        lookups = zip(Group.allCases, declared).map { group, isDeclared in
            guard isDeclared else { return nil }
            return numbers?[group.rawValue].map(GroupLookup.number) ?? .name(group.rawValue)
        }
    }

    package var name: String { "regex" }

    /// Like Renovate's `RegExp.exec`, the pattern is searched, not implicitly anchored.
    package func parse(_ text: String) -> RegexVersion? {
        let length = text.utf16.count
        guard let match = expression.firstMatch(in: text, range: NSRange(location: 0, length: length)) else {
            return nil
        }
        let isASCII = text.utf8.count == length
        func group(_ group: Group) -> Substring? {
            guard let lookup = lookups[group.index] else { return nil }
            let range =
                switch lookup {
                case .number(let number): match.range(at: number)
                case .name(let name): match.range(withName: name)
                }
            guard range.location != NSNotFound else { return nil }
            return isASCII ? Self.asciiSubstring(text, range) : Range(range, in: text).map { text[$0] }
        }
        var release: [Int] = []
        for name in Self.releaseGroups {
            guard let captured = group(name) else {
                release.append(0)
                continue
            }
            guard let number = Self.leadingNumber(captured) else { return nil }
            release.append(number)
        }
        if let build = group(.build), !build.isEmpty {
            guard let number = Self.leadingNumber(build) else { return nil }
            release.append(number)
            if let revision = group(.revision), !revision.isEmpty {
                guard let number = Self.leadingNumber(revision) else { return nil }
                release.append(number)
            }
        }
        return RegexVersion(
            release: release,
            prerelease: group(.prerelease).map(String.init) ?? "",
            compatibility: group(.compatibility).map(String.init)
        )
    }

    private static let releaseGroups: [Group] = [.major, .minor, .patch]

    private enum Group: String, CaseIterable {
        case major, minor, patch, build, revision, prerelease, compatibility

        /// Position in `allCases`, spelled out because `firstIndex(of:)` would allocate per lookup.
        var index: Int {
            switch self {
            case .major: 0
            case .minor: 1
            case .patch: 2
            case .build: 3
            case .revision: 4
            case .prerelease: 5
            case .compatibility: 6
            }
        }
    }

    private enum GroupLookup: Sendable {
        case number(Int)
        case name(String)
    }

    /// For ASCII text UTF-16 offsets are UTF-8 offsets, which index a native string in O(1).
    private static func asciiSubstring(_ text: String, _ range: NSRange) -> Substring {
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: range.location)
        let end = text.utf8.index(start, offsetBy: range.length)
        return text[start..<end]
    }

    /// `parseInt` semantics: the leading digits; nil when there are none, which Renovate would
    /// turn into NaN and an unorderable version.
    private static func leadingNumber(_ text: Substring) -> Int? {
        ASCII.leadingNumber(text.utf8)
    }
}
