import Diffs
import Policy

/// What an inline comment offers to apply. A forge applies only one of several suggestions whose
/// lines overlap (several findings on one container often do), so overlapping suggestions become
/// one, on the first comment of the group, fixing them all; the other comments point to it.
enum SuggestionOffer {
    case own(Suggestion)
    /// One suggestion fixing this finding and the findings of `alsoFixing` (check ids) together.
    case combined(Suggestion, alsoFixing: [String])
    /// Fixed by the suggestion ending on `line`, on the comment of `checkID`.
    case sharedWith(line: Int, checkID: String)

    var suggestion: Suggestion? {
        switch self {
        case .own(let suggestion), .combined(let suggestion, _): suggestion
        case .sharedWith: nil
        }
    }

    /// The offers for the findings to be posted (in posting order), by fingerprint; a finding
    /// without one offers nothing.
    static func make(
        for posted: [Finding], changes: [String: FileChange], suggestions: SuggestionSource,
        headFile: (String) -> [UInt8]?
    ) -> [String: SuggestionOffer] {
        let offered: [(finding: Finding, suggestion: Suggestion)] = posted.compactMap { finding in
            guard let suggestion = suggestions.suggestion(for: finding, in: headFile(finding.file)),
                fits(suggestion, changes[finding.file])
            else { return nil }
            return (finding, suggestion)
        }
        var offers: [String: SuggestionOffer] = [:]
        for group in overlapping(offered) {
            guard let leader = group.first else { continue }
            guard group.count > 1 else {
                offers[leader.finding.fingerprint] = .own(leader.suggestion)
                continue
            }
            guard
                let combined = suggestions.combinedSuggestion(
                    for: group.map(\.finding), in: headFile(leader.finding.file)),
                combined.fixes.contains(leader.finding.fingerprint),
                fits(combined.suggestion, changes[leader.finding.file])
            else {
                // No one suggestion fixes them together: the first keeps its own, the rest offer none
                // rather than one the forge could not apply after it.
                offers[leader.finding.fingerprint] = .own(leader.suggestion)
                continue
            }
            let others = group.dropFirst().map(\.finding).filter { combined.fixes.contains($0.fingerprint) }
            offers[leader.finding.fingerprint] = .combined(combined.suggestion, alsoFixing: others.map(\.checkID))
            for other in others {
                offers[other.fingerprint] = .sharedWith(
                    line: combined.suggestion.endLine, checkID: leader.finding.checkID)
            }
        }
        return offers
    }

    /// Whether the suggestion's lines lie in one hunk of the change: a forge takes a suggestion only there.
    static func fits(_ suggestion: Suggestion, _ change: FileChange?) -> Bool {
        change?.hunks.contains {
            $0.newLines.contains(suggestion.startLine) && $0.newLines.contains(suggestion.endLine)
        } ?? false
    }

    /// The suggestions in groups whose lines overlap (per file), each group in posting order.
    private static func overlapping(_ offered: [(finding: Finding, suggestion: Suggestion)]) -> [[(
        finding: Finding, suggestion: Suggestion
    )]] {
        let byLine = offered.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            if left.finding.file != right.finding.file { return left.finding.file < right.finding.file }
            return left.suggestion.startLine != right.suggestion.startLine
                ? left.suggestion.startLine < right.suggestion.startLine : lhs.offset < rhs.offset
        }
        var groups: [[(offset: Int, element: (finding: Finding, suggestion: Suggestion))]] = []
        var groupEnd = 0
        for entry in byLine {
            if let last = groups.last?.last, last.element.finding.file == entry.element.finding.file,
                entry.element.suggestion.startLine <= groupEnd
            {
                groups[groups.count - 1].append(entry)
                groupEnd = max(groupEnd, entry.element.suggestion.endLine)
            } else {
                groups.append([entry])
                groupEnd = entry.element.suggestion.endLine
            }
        }
        return groups.map { $0.sorted { $0.offset < $1.offset }.map(\.element) }
    }
}
