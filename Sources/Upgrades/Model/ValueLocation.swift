internal import FileNames

/// Where a version (or digest) is written: the file, its line and column, and the exact bytes,
/// so an upgrade replaces only those bytes. `range` is nil when the text cannot be edited in
/// place (an escaped or multi-line scalar); such a dependency is still reported.
package struct ValueLocation: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int
    package var range: Range<Int>?

    package init(file: String, line: Int, column: Int, range: Range<Int>?) {
        self.file = file
        self.line = line
        self.column = column
        self.range = range
    }

    package var description: String { "\(FileName.escaped(file)):\(line):\(column)" }
}
