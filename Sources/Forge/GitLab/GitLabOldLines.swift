/// The old-side line of each new-side line of one file, read from the `diff` GitLab lists for it
/// (…/merge_requests/:iid/diffs). A comment on an unchanged line needs both numbers, an added
/// line only the new one (`doc/api/discussions.md`, "Create a new thread in the merge request diff").
struct GitLabOldLines: Sendable {
    /// Hunks as their headers give them, in file order.
    private var hunks: [(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int)] = []
    /// New-side line → old-side line for the unchanged lines the diff shows; nil for added lines.
    private var shown: [Int: Int?] = [:]

    init(diff: String) {
        var oldLine = 0
        var newLine = 0
        for text in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if text.hasPrefix("@@") {
                guard let header = Self.header(text) else { continue }
                hunks.append(header)
                (oldLine, newLine) = (header.oldStart, header.newStart)
                continue
            }
            guard !hunks.isEmpty, let marker = text.first else { continue }
            switch marker {
            case "+":
                shown[newLine] = .some(nil)
                newLine += 1
            case "-":
                oldLine += 1
            case " ":
                shown[newLine] = oldLine
                (oldLine, newLine) = (oldLine + 1, newLine + 1)
            default:
                continue
            }
        }
    }

    /// The old-side line of new-side `line`: nil when the line was added (or lies in a hunk whose
    /// lines the diff leaves out); outside every hunk, shifted by what the hunks above it added.
    func oldLine(ofNewLine line: Int) -> Int? {
        if let known = shown[line] { return known }
        var shift = 0
        for hunk in hunks {
            let new = Self.span(hunk.newStart, hunk.newCount)
            let old = Self.span(hunk.oldStart, hunk.oldCount)
            if line < new.lowerBound { break }
            if new.contains(line) { return nil }
            shift = old.upperBound - new.upperBound
        }
        return line + shift
    }

    /// The lines a header's side covers; an empty side (`-5,0`) names the line before it.
    private static func span(_ start: Int, _ count: Int) -> Range<Int> {
        let first = count == 0 ? start + 1 : start
        return first..<(first + count)
    }

    /// `@@ -a,b +c,d @@`; a count left out is 1.
    private static func header(_ text: Substring) -> (oldStart: Int, oldCount: Int, newStart: Int, newCount: Int)? {
        let fields = text.split(separator: " ")
        guard fields.count >= 3, fields[1].first == "-", fields[2].first == "+" else { return nil }
        func range(_ field: Substring) -> (Int, Int)? {
            let parts = field.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
            guard let start = Int(parts[0]) else { return nil }
            guard parts.count > 1 else { return (start, 1) }
            return Int(parts[1]).map { (start, $0) }
        }
        guard let old = range(fields[1]), let new = range(fields[2]) else { return nil }
        return (old.0, old.1, new.0, new.1)
    }
}
