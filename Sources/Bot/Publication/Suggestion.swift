/// A replacement for new-side lines `startLine...endLine` of a file: what a suggestion block
/// offers, taken from the fix engine's edit of that file.
package struct Suggestion: Sendable, Equatable {
    package var startLine: Int
    package var endLine: Int
    package var replacement: [String]

    package init(startLine: Int, endLine: Int, replacement: [String]) {
        self.startLine = startLine
        self.endLine = endLine
        self.replacement = replacement
    }

    /// The lines the fix changed, widened to take in the finding's own line when that is near, so
    /// the comment sits where the finding is. A pure insertion is anchored on the line before it
    /// (which the suggestion repeats), since a suggestion replaces lines and cannot insert between them.
    /// nil when the files do not differ or the range reaches `maximumSpan` lines.
    package static func from(original: [UInt8], fixed: [UInt8], findingLine: Int, maximumSpan: Int = 40) -> Suggestion?
    {
        let before = lines(original)
        let after = lines(fixed)
        guard before != after else { return nil }
        var prefix = 0
        while prefix < before.count, prefix < after.count, before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < before.count - prefix, suffix < after.count - prefix,
            before[before.count - 1 - suffix] == after[after.count - 1 - suffix]
        { suffix += 1 }
        // Changed lines, 1-based and inclusive, on the original side; empty (start > end) for an insertion.
        var start = prefix + 1
        var end = before.count - suffix
        if start > end {
            if prefix > 0 { start = prefix } else { end = start }
        }
        if findingLine >= 1, findingLine <= before.count, abs(findingLine - start) < maximumSpan,
            abs(findingLine - end) < maximumSpan
        {
            start = min(start, findingLine)
            end = max(end, findingLine)
        }
        guard end - start < maximumSpan else { return nil }
        let delta = after.count - before.count
        let replacement = Array(after[(start - 1)..<(end + delta)])
        return Suggestion(startLine: start, endLine: end, replacement: replacement)
    }

    /// Lines without their terminators; a final newline does not open an extra line.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var result = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }
}
