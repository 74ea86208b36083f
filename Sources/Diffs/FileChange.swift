/// What a change did to one file, in the words review needs: which lines of the new side it
/// added and which hunks it touched.
package struct FileChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Codable, Hashable {
        case added, modified, deleted, renamed, copied, typeChanged
    }

    /// The path on the new side (the old path for a deletion).
    package var path: String
    /// The path on the old side, when it differs (renames and copies).
    package var oldPath: String?
    package var kind: Kind
    package var isBinary: Bool
    package var hunks: [Hunk]
    /// New-side line numbers the change added, as sorted, non-overlapping ranges.
    package var addedLines: [ClosedRange<Int>]

    package init(
        path: String, oldPath: String? = nil, kind: Kind, isBinary: Bool = false, hunks: [Hunk] = [],
        addedLines: [ClosedRange<Int>] = []
    ) {
        self.path = path
        self.oldPath = oldPath
        self.kind = kind
        self.isBinary = isBinary
        self.hunks = hunks
        self.addedLines = addedLines
    }

    package func added(line: Int) -> Bool {
        addedLines.contains { $0.contains(line) }
    }

    /// True when the new-side line lies inside a hunk (added, or context shown around the change).
    package func inHunk(line: Int) -> Bool {
        hunks.contains { $0.newLines.contains(line) }
    }
}

/// One hunk of a unified diff: `@@ -oldStart,oldCount +newStart,newCount @@`.
package struct Hunk: Sendable, Hashable {
    package var oldStart: Int
    package var oldCount: Int
    package var newStart: Int
    package var newCount: Int

    package init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int) {
        self.oldStart = oldStart
        self.oldCount = oldCount
        self.newStart = newStart
        self.newCount = newCount
    }

    /// The new-side lines the hunk spans (empty for a pure deletion without context).
    package var newLines: Range<Int> {
        newStart..<(newStart + newCount)
    }
}

extension Array where Element == ClosedRange<Int> {
    /// Folds sorted line numbers into ranges: [3, 4, 5, 9] → [3...5, 9...9].
    package static func ranges(of lines: [Int]) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for line in lines.sorted() {
            if let last = ranges.last, last.upperBound + 1 >= line {
                ranges[ranges.count - 1] = last.lowerBound...Swift.max(last.upperBound, line)
            } else {
                ranges.append(line...line)
            }
        }
        return ranges
    }
}
