/// Where parsing resumes after a syntax error: the start of the next `---` line,
/// with the lines and characters skipped so positions stay true to the whole file.
struct RestartPoint {
    var byte: Int
    /// Lines before `byte` (0-based line of the restart).
    var line: Int
    /// Characters before `byte`.
    var offset: Int

    /// The first `---` line at or after `fromLine` (1-based) that lies past `previous`,
    /// so every restart moves forward.
    static func nextDocument(in bytes: [UInt8], fromLine: Int, after previous: RestartPoint) -> RestartPoint? {
        var line = 0
        var offset = 0
        var index = 0
        while index < bytes.count {
            let lineStart = index
            let lineStartOffset = offset
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
                if bytes[index] & 0xC0 != 0x80 { offset += 1 }
                index += 1
            }
            if line + 1 >= fromLine, lineStart > previous.byte, startsDocument(bytes, at: lineStart) {
                return RestartPoint(byte: lineStart, line: line, offset: lineStartOffset)
            }
            if index < bytes.count {
                index += 1
                offset += 1
            }
            line += 1
        }
        return nil
    }

    private static func startsDocument(_ bytes: [UInt8], at index: Int) -> Bool {
        let dash = UInt8(ascii: "-")
        guard index + 2 < bytes.count, bytes[index] == dash, bytes[index + 1] == dash, bytes[index + 2] == dash else {
            return false
        }
        guard index + 3 < bytes.count else { return true }
        let next = bytes[index + 3]
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r")
            || next == UInt8(ascii: "\t")
    }
}
