/// A replacement of a byte range of a file's text: the only kind of change the fix engine makes,
/// so comments, key order, quoting and blank lines outside the range survive as the author wrote them.
package struct TextEdit: Sendable, Hashable {
    package var range: Range<Int>
    package var replacement: String

    package init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// Applies non-overlapping edits (the last first, so earlier offsets stay valid).
    package static func apply(_ edits: [TextEdit], to bytes: [UInt8]) throws(EditError) -> [UInt8] {
        let sorted = edits.sorted {
            $0.range.lowerBound > $1.range.lowerBound
                || ($0.range.lowerBound == $1.range.lowerBound && $0.range.upperBound > $1.range.upperBound)
        }
        var result = bytes
        var lowestStart = Int.max
        for edit in sorted {
            guard edit.range.upperBound <= lowestStart || edit.range.isEmpty && edit.range.lowerBound <= lowestStart
            else {
                throw EditError("two edits overlap at byte \(edit.range.lowerBound)")
            }
            guard edit.range.lowerBound >= 0, edit.range.upperBound <= bytes.count else {
                throw EditError("an edit reaches outside the file (bytes \(edit.range))")
            }
            result.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
            lowestStart = edit.range.lowerBound
        }
        return result
    }
}

package struct EditError: Error, Sendable, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
