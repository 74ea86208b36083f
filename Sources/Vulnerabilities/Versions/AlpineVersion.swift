import Foundation

/// An Alpine package version (`1.2.3a_rc1_p2-r4`), ordered by the rules the `univers` library
/// (PyPI) applies to Alpine, which are Gentoo's `vercmp`: dotted numbers (a part with a leading
/// zero compared as text without its trailing zeros), one optional letter, `_alpha` < `_beta` <
/// `_pre` < `_rc` < none < `_p` suffixes with numbers, then the `-r` revision.
package struct AlpineVersion: Sendable, Comparable, CustomStringConvertible {
    package let description: String
    let version: String
    let revision: Int

    private static let suffixWeights: [(name: String, weight: Int)] = [
        ("alpha", -4), ("beta", -3), ("pre", -2), ("rc", -1), ("p", 1),
    ]

    /// nil for text that is not an Alpine version as univers validates it.
    package init?(_ text: String) {
        let (version, revision) = Self.splitRevision(text)
        guard Self.isValid(version), Self.hasNoLeadingZero(text) else { return nil }
        self.description = text
        self.version = version
        self.revision = revision
    }

    package static func < (left: Self, right: Self) -> Bool { compare(left, right) < 0 }
    package static func == (left: Self, right: Self) -> Bool { compare(left, right) == 0 }

    package static func compare(_ left: Self, _ right: Self) -> Int {
        if left.version == right.version { return order(left.revision, right.revision) }
        var parts1 = left.version.split(separator: "_", omittingEmptySubsequences: false)
        var parts2 = right.version.split(separator: "_", omittingEmptySubsequences: false)
        if parts1[0] != parts2[0] {
            let result = compareRelease(parts1[0], parts2[0])
            if result != 0 { return result }
        }
        parts1.removeFirst()
        parts2.removeFirst()
        for index in 0..<max(parts1.count, parts2.count) {
            if index == parts1.count { return order(0, suffix(parts2[index]).weight) }
            if index == parts2.count { return order(suffix(parts1[index]).weight, 0) }
            if parts1[index] == parts2[index] { continue }
            let (a, b) = (suffix(parts1[index]), suffix(parts2[index]))
            if a.weight != b.weight { return order(a.weight, b.weight) }
            let number = compareNumbers(a.number, b.number)
            if number != 0 { return number }
        }
        return order(left.revision, right.revision)
    }

    /// `1.2.3a`: the dotted parts pairwise, then the longer, then the letter (none is lowest).
    private static func compareRelease(_ left: Substring, _ right: Substring) -> Int {
        func split(_ text: Substring) -> (parts: [Substring], letter: Int) {
            var parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard let last = parts.last?.last, last.isLetter, let code = last.asciiValue else { return (parts, -1) }
            parts[parts.count - 1] = parts[parts.count - 1].dropLast()
            return (parts, Int(code))
        }
        let (a, b) = (split(left), split(right))
        for (x, y) in zip(a.parts, b.parts) where x != y {
            let result: Int
            if x.first != "0", y.first != "0" {
                result = compareNumbers(x, y)
            } else {
                let (p, q) = (x.reversed().drop { $0 == "0" }.reversed(), y.reversed().drop { $0 == "0" }.reversed())
                result = p.lexicographicallyPrecedes(q) ? -1 : q.lexicographicallyPrecedes(p) ? 1 : 0
            }
            if result != 0 { return result }
        }
        if a.parts.count != b.parts.count { return order(a.parts.count, b.parts.count) }
        return order(a.letter, b.letter)
    }

    private static func suffix(_ part: Substring) -> (weight: Int, number: Substring) {
        for (name, weight) in suffixWeights
        where part.hasPrefix(name) && part.dropFirst(name.count).allSatisfy(\.isASCIIDigit) {
            return (weight, part.dropFirst(name.count))
        }
        return (0, "")
    }

    /// Digit strings of any length compared as numbers (empty is 0).
    static func compareNumbers(_ left: Substring, _ right: Substring) -> Int {
        let (a, b) = (left.drop { $0 == "0" }, right.drop { $0 == "0" })
        if a.count != b.count { return order(a.count, b.count) }
        return a.lexicographicallyPrecedes(b) ? -1 : b.lexicographicallyPrecedes(a) ? 1 : 0
    }

    private static func order(_ left: Int, _ right: Int) -> Int { left < right ? -1 : left > right ? 1 : 0 }

    /// The last `-r<digits>` ends the version: what follows it is ignored, as univers does.
    private static func splitRevision(_ text: String) -> (String, Int) {
        var search = text.endIndex
        while let range = text.range(of: "-r", options: .backwards, range: text.startIndex..<search) {
            let digits = text[range.upperBound...].prefix(while: \.isASCIIDigit)
            if !digits.isEmpty, let number = Int(digits) { return (String(text[..<range.lowerBound]), number) }
            search = range.lowerBound
        }
        return (text, 0)
    }

    /// `\d+(\.\d+)*[a-zA-Z]?(_(alpha|beta|pre|rc|p)\d*)*`
    private static func isValid(_ version: String) -> Bool {
        let parts = version.split(separator: "_", omittingEmptySubsequences: false)
        var release = parts[0]
        if let last = release.last, last.isASCII, last.isLetter { release = release.dropLast() }
        let numbers = release.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            suffixWeights.contains {
                part.hasPrefix($0.name) && part.dropFirst($0.name.count).allSatisfy(\.isASCIIDigit)
            }
        }
    }

    /// univers refuses a first number with a leading zero (`02-r1`).
    private static func hasNoLeadingZero(_ text: String) -> Bool {
        let first = text.prefix { $0 != "." }.prefix { $0 != "-" }
        guard !first.isEmpty, first.allSatisfy(\.isASCIIDigit) else { return true }
        return first == "0" || first.first != "0"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
