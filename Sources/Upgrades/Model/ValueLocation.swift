internal import FileNames

/// Where a version (or digest) is written: the file, its line and column, and the exact bytes,
/// so an upgrade replaces only those bytes. `range` is nil when the text cannot be edited in
/// place (an escaped or multi-line scalar); such a dependency is still reported.
public struct ValueLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var range: Range<Int>?

    public init(file: String, line: Int, column: Int, range: Range<Int>?) {
        self.file = file
        self.line = line
        self.column = column
        self.range = range
    }

    public var description: String { "\(FileName.escaped(file)):\(line):\(column)" }
}
