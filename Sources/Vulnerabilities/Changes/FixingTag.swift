/// What the search for the nearest allowed tag with fewer vulnerabilities found: the tag and
/// which of the image's advisories it fixes and keeps, or, when no tag scanned was better, which
/// were scanned and whether the search stopped at its bound before the newest allowed tag.
package struct FixingTag: Sendable, Hashable, Codable {
    /// The nearest allowed tag that removes vulnerabilities at or above the threshold without
    /// bringing new ones; nil when none of `scanned` does.
    package var tag: String?
    package var fixes: [String]
    package var remaining: [String]
    /// The tags scanned, nearest first (the last is `tag` when one was found).
    package var scanned: [String]
    /// How many newer tags the policy allows in all.
    package var allowedCount: Int
    /// Scanned tags that could not be read (they count against the bound all the same).
    package var unreadable: [String]

    package init(
        tag: String?, fixes: [String], remaining: [String], scanned: [String], allowedCount: Int,
        unreadable: [String] = []
    ) {
        self.tag = tag
        self.fixes = fixes
        self.remaining = remaining
        self.scanned = scanned
        self.allowedCount = allowedCount
        self.unreadable = unreadable
    }

    /// The search stopped at its bound: newer allowed tags were left unscanned and none scanned was better.
    package var stoppedAtBound: Bool { tag == nil && scanned.count < allowedCount }

    /// One or two sentences for a comment, a report or a pull request body (tags in backticks).
    package var sentence: String {
        guard !unreadable.isEmpty else { return found }
        let tags = unreadable.map { "`\($0)`" }.joined(separator: ", ")
        return found + " Could not be read: \(tags)."
    }

    private var found: String {
        let quoted = scanned.map { "`\($0)`" }
        if let tag {
            let kept = remaining.isEmpty ? "" : "; still affected by \(remaining.joined(separator: ", "))"
            let nearer =
                quoted.count > 1
                ? " Nearer allowed tags have no fewer: \(quoted.dropLast().joined(separator: ", "))." : ""
            return "Tag `\(tag)` fixes \(fixes.joined(separator: ", "))\(kept).\(nearer)"
        }
        if stoppedAtBound, let first = quoted.first, let last = quoted.last {
            let (count, one) = (scanned.count, scanned.count == 1)
            return "The \(one ? "nearest" : "\(count) nearest") of \(allowedCount) newer allowed tags "
                + "(\(one ? first : "\(first) to \(last)")) \(one ? "has" : "have") no fewer of them; "
                + "the search stopped there (it scans at most \(count) \(one ? "tag" : "tags"))."
        }
        return "No newer allowed tag has fewer of them (scanned \(quoted.joined(separator: ", ")))."
    }
}
