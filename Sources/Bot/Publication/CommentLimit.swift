/// Cuts a comment body to a forge's limit without breaking its Markdown: the cut falls on a line
/// boundary outside any code fence, and a note says that it was cut. Markers go first in every
/// body, so a cut never loses them. Lengths are Unicode code points, the forges' unit (GitHub's
/// and GitLab's "maximum is N characters" is Rails' count), not the grapheme clusters of `count`.
enum CommentLimit {
    static func fit(_ body: String, limit: Int, note: String) -> String {
        guard body.unicodeScalars.count > limit else { return body }
        let budget = max(0, limit - note.unicodeScalars.count - 2)
        var kept: [Substring] = []
        var length = 0
        var fenceOpen = false
        var lastSafe = 0
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let cost = line.unicodeScalars.count + 1
            if length + cost > budget { break }
            kept.append(line)
            length += cost
            if line.trimmingPrefix(while: { $0 == " " }).hasPrefix("```") { fenceOpen.toggle() }
            if !fenceOpen { lastSafe = kept.count }
        }
        return kept.prefix(lastSafe).joined(separator: "\n") + "\n\n" + note
    }
}
