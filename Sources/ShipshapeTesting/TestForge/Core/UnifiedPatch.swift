/// The lines of one file's unified patch, numbered the way forges number them, so the stand-in
/// can tell whether a review comment lands inside the diff as the real forges do.
struct UnifiedPatch {
    enum Kind { case hunkHeader, context, added, removed }

    struct Line {
        var kind: Kind
        var text: String
        /// 1-based line on the old side (context and removed lines).
        var oldLine: Int?
        /// 1-based line on the new side (context and added lines).
        var newLine: Int?
        /// GitHub's deprecated `position`: lines below the first hunk header, headers of later hunks included.
        var position: Int
        /// Index of the hunk the line belongs to.
        var hunk: Int
    }

    var lines: [Line] = []

    init(_ patch: String) {
        var oldLine = 0
        var newLine = 0
        var hunk = -1
        var position = -1
        for raw in patch.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(raw)
            if text.hasPrefix("@@") {
                guard let starts = UnifiedPatch.hunkStarts(text) else { continue }
                (oldLine, newLine) = starts
                hunk += 1
                position += 1
                lines.append(
                    Line(kind: .hunkHeader, text: text, oldLine: nil, newLine: nil, position: position, hunk: hunk))
                continue
            }
            guard hunk >= 0, let marker = text.first else { continue }
            position += 1
            switch marker {
            case "+":
                lines.append(
                    Line(kind: .added, text: text, oldLine: nil, newLine: newLine, position: position, hunk: hunk))
                newLine += 1
            case "-":
                lines.append(
                    Line(kind: .removed, text: text, oldLine: oldLine, newLine: nil, position: position, hunk: hunk))
                oldLine += 1
            case "\\":
                position -= 1
            default:
                lines.append(
                    Line(kind: .context, text: text, oldLine: oldLine, newLine: newLine, position: position, hunk: hunk)
                )
                oldLine += 1
                newLine += 1
            }
        }
    }

    /// The line shown at `line` on the new side (`right`) or old side, if the diff shows it.
    func line(_ number: Int, onNewSide: Bool) -> Line? {
        lines.first { onNewSide ? $0.newLine == number : ($0.oldLine == number && $0.kind != .added) }
    }

    func line(atPosition position: Int) -> Line? {
        lines.first { $0.position == position && $0.kind != .hunkHeader }
    }

    /// GitHub's `diff_hunk`: the hunk header and every line of that hunk up to the commented one.
    func diffHunk(endingAt target: Line) -> String {
        lines.filter { $0.hunk == target.hunk && $0.position <= target.position }.map(\.text).joined(separator: "\n")
    }

    /// `@@ -a,b +c,d @@` → (a, c); a missing count means 1.
    private static func hunkStarts(_ header: String) -> (Int, Int)? {
        let fields = header.split(separator: " ")
        guard fields.count >= 3, fields[1].hasPrefix("-"), fields[2].hasPrefix("+") else { return nil }
        func start(_ field: Substring) -> Int? { Int(field.dropFirst().split(separator: ",").first ?? "") }
        guard let old = start(fields[1]), let new = start(fields[2]) else { return nil }
        return (old, new)
    }
}
