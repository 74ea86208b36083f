/// Reads Masterminds-style constraint text into comparators: alternatives split on `||`, within
/// one alternative comparators split on spaces or commas, an operator may stand apart from its
/// version (`>= 1.2`), and `A - B` is `>=A <=B`.
struct RangeParser {
    let text: String

    private static let operatorCharacters: Set<Character> = ["<", ">", "=", "!", "~", "^"]

    func alternatives() throws -> [[RangeComparator]] {
        try Self.splitAlternatives(text).map { try comparators(in: $0) }
    }

    private func comparators(in alternative: Substring) throws -> [RangeComparator] {
        let words = alternative.split { $0.isWhitespace || $0 == "," }
        guard !words.isEmpty else { throw error("an alternative between '||' is empty") }
        var result: [RangeComparator] = []
        var index = 0
        while index < words.count {
            var word = String(words[index])
            if word.allSatisfy(Self.operatorCharacters.contains) {
                guard index + 1 < words.count else { throw error("'\(word)' has no version after it") }
                index += 1
                word += words[index]
            }
            if index + 2 < words.count, words[index + 1] == "-", !Self.startsWithOperator(word) {
                let lower = try partialVersion(word)
                let upper = try partialVersion(String(words[index + 2]))
                result.append(comparator(.atLeast, lower))
                result.append(comparator(.atMost, upper))
                index += 3
                continue
            }
            let operatorText = word.prefix(while: Self.operatorCharacters.contains)
            guard let comparison = Comparison(operatorText) else { throw error("'\(operatorText)' is not an operator") }
            result.append(comparator(comparison, try partialVersion(String(word.dropFirst(operatorText.count)))))
            index += 1
        }
        return result
    }

    /// Masterminds' expansion of one operator and a possibly partial version into an interval.
    private func comparator(_ comparison: Comparison, _ version: PartialVersion) -> RangeComparator {
        let low = NumericVersion(release: version.paddedNumbers, prerelease: version.prerelease)
        let isFull = version.numbers.count == 3
        var result = RangeComparator()
        result.namesPrerelease = !version.prerelease.isEmpty
        let wildcardUpper = version.numbers.count == 1 ? version.next(at: 0) : version.next(at: 1)
        switch comparison {
        case .equal, .notEqual:
            guard !version.numbers.isEmpty else { return comparison == .notEqual ? .none : .any }
            result.lower = .init(version: low, isInclusive: true)
            result.upper =
                isFull ? .init(version: low, isInclusive: true) : .init(version: wildcardUpper, isInclusive: false)
            result.isNegated = comparison == .notEqual
        case .greater:
            result.lower =
                isFull || version.numbers.isEmpty
                ? .init(version: low, isInclusive: false)
                : .init(version: wildcardUpper, isInclusive: true)
        case .atLeast:
            result.lower = .init(version: low, isInclusive: true)
        case .less:
            result.upper = .init(version: low, isInclusive: false)
        case .atMost:
            guard !version.numbers.isEmpty else { return result }
            result.upper =
                isFull ? .init(version: low, isInclusive: true) : .init(version: wildcardUpper, isInclusive: false)
        case .tilde:
            guard !version.numbers.isEmpty else { return result }
            result.lower = .init(version: low, isInclusive: true)
            // Masterminds: `~0.0.0` alone means "any version".
            if !(isFull && version.numbers == [0, 0, 0]) {
                result.upper = .init(version: wildcardUpper, isInclusive: false)
            }
        case .caret:
            guard !version.numbers.isEmpty else { return result }
            result.lower = .init(version: low, isInclusive: true)
            let fixed =
                version.numbers[0] > 0 || version.numbers.count == 1
                ? 0
                : version.numbers[1] > 0 || version.numbers.count == 2 ? 1 : 2
            result.upper = .init(version: version.next(at: fixed), isInclusive: false)
        }
        return result
    }

    /// The operators Masterminds accepts, with their alternative spellings.
    private enum Comparison {
        case equal, notEqual, greater, atLeast, less, atMost, tilde, caret

        init?(_ text: Substring) {
            switch text {
            case "", "=": self = .equal
            case "!=": self = .notEqual
            case ">": self = .greater
            case ">=", "=>": self = .atLeast
            case "<": self = .less
            case "<=", "=<": self = .atMost
            case "~", "~>": self = .tilde
            case "^": self = .caret
            default: return nil
            }
        }
    }

    private func partialVersion(_ word: String) throws -> PartialVersion {
        guard let version = PartialVersion(word) else { throw error("'\(word)' is not a version or wildcard") }
        return version
    }

    private func error(_ problem: String) -> VersionSyntaxError {
        VersionSyntaxError(
            subject: .range, text: text, problem: problem,
            hint: "Write constraints like '>=1.2.0 <2.0.0', '~1.2', '^1.2.3', '1.x' or '1.2.3 || 2.x'."
        )
    }

    private static func startsWithOperator(_ word: String) -> Bool {
        word.first.map(operatorCharacters.contains) ?? false
    }

    private static func splitAlternatives(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("||") {
                pieces.append(text[start..<index])
                index = text.index(index, offsetBy: 2)
                start = index
            } else {
                index = text.index(after: index)
            }
        }
        pieces.append(text[start...])
        return pieces
    }
}
