/// A `pattern` (or `patternProperties` key): an unanchored regular expression, as the drafts
/// say. Patterns that are plain words (`(?i)password`, `^system:`, `^(?i)ALL$`) are matched
/// without the regex engine: they are most of Polaris' patterns, and far cheaper that way.
///
/// `@unchecked Sendable`: `Regex<AnyRegexOutput>` is not `Sendable`, but this one is never
/// changed after compilation and matching only reads it, from many threads.
package struct SchemaPattern: @unchecked Sendable {
    package let source: String
    private let literal: Literal?
    private let regex: Regex<AnyRegexOutput>?

    private struct Literal {
        var text: String
        var caseInsensitive: Bool
        var anchoredStart: Bool
        var anchoredEnd: Bool
    }

    package init(_ source: String) throws {
        self.source = source
        if let literal = Self.literal(source) {
            self.literal = literal
            self.regex = nil
        } else {
            self.literal = nil
            self.regex = try Regex(source)
        }
    }

    package func matches(_ text: String) -> Bool {
        if let literal {
            let subject = literal.caseInsensitive ? text.lowercased() : text
            switch (literal.anchoredStart, literal.anchoredEnd) {
            case (true, true): return subject == literal.text
            case (true, false): return subject.hasPrefix(literal.text)
            case (false, true): return subject.hasSuffix(literal.text)
            case (false, false): return literal.text.isEmpty || subject.contains(literal.text)
            }
        }
        guard let regex else { return false }
        return (try? regex.firstMatch(in: text)) != nil
    }

    /// `^`, `(?i)` (at the start, or right after `^`), a literal, `$`: anything else is a regex.
    private static func literal(_ source: String) -> Literal? {
        var rest = Substring(source)
        var caseInsensitive = false
        var anchoredStart = false
        var anchoredEnd = false
        if rest.hasPrefix("(?i)") {
            caseInsensitive = true
            rest = rest.dropFirst(4)
        }
        if rest.hasPrefix("^") {
            anchoredStart = true
            rest = rest.dropFirst()
        }
        if !caseInsensitive, rest.hasPrefix("(?i)") {
            caseInsensitive = true
            rest = rest.dropFirst(4)
        }
        if rest.hasSuffix("$") {
            anchoredEnd = true
            rest = rest.dropLast()
        }
        let special = Set("\\.^$|?*+()[]{}")
        guard !rest.contains(where: { special.contains($0) }) else { return nil }
        let text = caseInsensitive ? rest.lowercased() : String(rest)
        return Literal(
            text: text, caseInsensitive: caseInsensitive, anchoredStart: anchoredStart, anchoredEnd: anchoredEnd)
    }
}
