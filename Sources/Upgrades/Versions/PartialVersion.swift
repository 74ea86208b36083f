/// The version inside a range constraint: up to three numbers, where a missing number or
/// `x`/`X`/`*` is a wildcard (everything after the first wildcard is one too), an optional
/// prerelease after `-` and build metadata after `+`, which ranges ignore.
struct PartialVersion: Sendable, Hashable {
    /// The numbers before the first wildcard: `[]` for `*`, `[1]` for `1.x`, `[1, 2, 3]` when full.
    let numbers: [Int]
    let prerelease: [String]

    init?(_ text: String) {
        var rest = Substring(text)
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        if let plus = rest.firstIndex(of: "+") { rest = rest[..<plus] }
        var prerelease: [String] = []
        if let hyphen = rest.firstIndex(of: "-") {
            let identifiers = rest[rest.index(after: hyphen)...].split(separator: ".", omittingEmptySubsequences: false)
            guard identifiers.allSatisfy(Self.isIdentifier) else { return nil }
            prerelease = identifiers.map(String.init)
            rest = rest[..<hyphen]
        }
        let pieces = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(pieces.count) else { return nil }
        var numbers: [Int] = []
        var sawWildcard = false
        for piece in pieces {
            if piece == "x" || piece == "X" || piece == "*" {
                sawWildcard = true
            } else if let number = Int(piece), ASCII.isDigits(String(piece)) {
                if !sawWildcard { numbers.append(number) }
            } else {
                return nil
            }
        }
        self.numbers = numbers
        self.prerelease = prerelease
    }

    var paddedNumbers: [Int] {
        numbers + Array(repeating: 0, count: 3 - numbers.count)
    }

    /// The first release after every version sharing the numbers up to `index`:
    /// `1.2.3`.next(at: 0) is `2.0.0`, at 1 is `1.3.0`.
    func next(at index: Int) -> NumericVersion {
        var release = paddedNumbers
        release[index] = release[index] == Int.max ? Int.max : release[index] + 1
        for later in (index + 1)..<3 { release[later] = 0 }
        return NumericVersion(release: release)
    }

    private static func isIdentifier(_ text: Substring) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy {
                ASCII.isDigit($0) || ASCII.isLetter($0) || $0 == UInt8(ascii: "-")
            }
    }
}
