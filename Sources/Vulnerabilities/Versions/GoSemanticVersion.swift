/// A Go module version, ordered as `golang.org/x/mod/semver.Compare`: `v` + MAJOR.MINOR.PATCH
/// (`v1` and `v1.2` as shorthands), pre-release identifiers (numeric below alphanumeric), build
/// metadata ignored. OSV writes Go versions without the `v`; both spellings are read.
package struct GoSemanticVersion: Sendable, Comparable, CustomStringConvertible {
    package let description: String
    let numbers: [Substring]
    let prerelease: [Substring]

    package init?(_ text: String) {
        var rest = Substring(text.hasPrefix("v") ? text.dropFirst() : Substring(text))
        if let plus = rest.firstIndex(of: "+") {
            guard Self.isIdentifierList(rest[rest.index(after: plus)...], numericRule: false) else { return nil }
            rest = rest[..<plus]
        }
        var prerelease: [Substring] = []
        if let dash = rest.firstIndex(of: "-") {
            let identifiers = rest[rest.index(after: dash)...]
            guard Self.isIdentifierList(identifiers, numericRule: true) else { return nil }
            prerelease = identifiers.split(separator: ".")
            rest = rest[..<dash]
        }
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(numbers.count), numbers.allSatisfy(Self.isNumber) else { return nil }
        // Shorthands take no pre-release or build: `v1.2-pre` is invalid to x/mod.
        guard numbers.count == 3 || (prerelease.isEmpty && !text.contains("+")) else { return nil }
        self.description = text
        self.numbers = numbers + Array(repeating: "0", count: 3 - numbers.count)
        self.prerelease = prerelease
    }

    package static func < (left: Self, right: Self) -> Bool { compare(left, right) < 0 }
    package static func == (left: Self, right: Self) -> Bool { compare(left, right) == 0 }

    package static func compare(_ left: Self, _ right: Self) -> Int {
        for (a, b) in zip(left.numbers, right.numbers) {
            let result = AlpineVersion.compareNumbers(a, b)
            if result != 0 { return result }
        }
        switch (left.prerelease.isEmpty, right.prerelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        for (a, b) in zip(left.prerelease, right.prerelease) where a != b {
            let (numericA, numericB) = (a.allSatisfy(\.isASCIIDigit), b.allSatisfy(\.isASCIIDigit))
            switch (numericA, numericB) {
            case (true, true): return AlpineVersion.compareNumbers(a, b)
            case (true, false): return -1
            case (false, true): return 1
            case (false, false): return a < b ? -1 : 1
            }
        }
        return left.prerelease.count == right.prerelease.count
            ? 0 : left.prerelease.count < right.prerelease.count ? -1 : 1
    }

    private static func isNumber(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy(\.isASCIIDigit) && (text == "0" || text.first != "0")
    }

    private static func isIdentifierList(_ text: Substring, numericRule: Bool) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { identifier in
            guard !identifier.isEmpty,
                identifier.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else { return false }
            return !numericRule || !identifier.allSatisfy(\.isASCIIDigit) || isNumber(identifier)
        }
    }
}
