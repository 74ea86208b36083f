/// Places a review comment on a pull request's diff the way the forges check it: the line must
/// be shown in the diff on the chosen side, and a range must stay inside one hunk.
enum DiffAnchoring {
    enum Refusal: Error {
        case fileNotInDiff(String)
        case lineOutsideDiff(path: String, line: Int, side: String)
        case rangeCrossesHunks(path: String, start: Int, end: Int)
        case positionOutsideDiff(path: String, position: Int)
    }

    /// `side` is `RIGHT` (new side) or `LEFT` (old side).
    static func anchor(
        in pull: StoredPullRequest, path: String, line: Int, side: String, startLine: Int?, startSide: String?
    ) throws(Refusal) -> StoredAnchor {
        guard let file = pull.file(path) else { throw .fileNotInDiff(path) }
        let patch = UnifiedPatch(file.patch)
        guard let end = patch.line(line, onNewSide: side != "LEFT") else {
            throw .lineOutsideDiff(path: path, line: line, side: side)
        }
        if let startLine, startLine != line {
            let start = patch.line(startLine, onNewSide: (startSide ?? side) != "LEFT")
            guard let start, start.hunk == end.hunk, start.position <= end.position else {
                throw .rangeCrossesHunks(path: path, start: startLine, end: line)
            }
        }
        return StoredAnchor(
            path: path, line: line, side: side, startLine: startLine == line ? nil : startLine,
            startSide: startLine == nil || startLine == line ? nil : (startSide ?? side),
            position: end.position, diffHunk: patch.diffHunk(endingAt: end), commitID: pull.headSHA,
            baseSHA: pull.baseSHA)
    }

    /// GitHub's deprecated `position`: lines below the file's first hunk header.
    static func anchor(in pull: StoredPullRequest, path: String, position: Int) throws(Refusal) -> StoredAnchor {
        guard let file = pull.file(path) else { throw .fileNotInDiff(path) }
        let patch = UnifiedPatch(file.patch)
        guard let target = patch.line(atPosition: position) else {
            throw .positionOutsideDiff(path: path, position: position)
        }
        let onOldSide = target.kind == .removed
        return StoredAnchor(
            path: path, line: (onOldSide ? target.oldLine : target.newLine) ?? 0, side: onOldSide ? "LEFT" : "RIGHT",
            startLine: nil, startSide: nil, position: position, diffHunk: patch.diffHunk(endingAt: target),
            commitID: pull.headSHA, baseSHA: pull.baseSHA)
    }
}
