import Manifests

/// A file's bytes with what edits need to know about them: where each line starts, the line
/// ending the author used (LF or CRLF), and the byte offset of a parser position.
package struct SourceText: Sendable {
    package let bytes: [UInt8]
    /// Byte offset of the start of each line (line 1 at index 0).
    let lineStarts: [Int]
    package let lineEnding: String

    package init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var crlf = 0
        var lf = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
            if index > 0, bytes[index - 1] == UInt8(ascii: "\r") { crlf += 1 } else { lf += 1 }
        }
        lineStarts = starts
        lineEnding = crlf > lf ? "\r\n" : "\n"
    }

    package init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The byte offset of a parser position (1-based line, character column).
    package func offset(of position: SourcePosition) -> Int {
        // libyaml puts the end of a file without a final line break on a line after the last.
        guard position.line - 1 < lineStarts.count else { return bytes.count }
        let lineIndex = max(position.line - 1, 0)
        var offset = lineStarts[lineIndex]
        var characters = position.column - 1
        while characters > 0, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            characters -= 1
        }
        return offset
    }

    /// The byte offset just past the end of `line` (after its line ending), or the file's end.
    func endOfLine(_ line: Int) -> Int {
        line < lineStarts.count ? lineStarts[line] : bytes.count
    }

    /// The byte offset where `line` (1-based) starts, or the file's end past the last line.
    package func startOfLine(_ line: Int) -> Int {
        line >= 1 && line - 1 < lineStarts.count ? lineStarts[line - 1] : bytes.count
    }

    /// The 1-based line holding byte `offset`.
    package func line(at offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The last line that holds part of `node` (a block value's end mark can sit on the next
    /// key's line; trailing blank lines and comments after it are not the node's).
    func lastLine(of node: YAMLNode) -> Int {
        var offset = self.offset(of: node.end) - 1
        while offset > 0,
            bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\n")
                || bytes[offset] == UInt8(ascii: "\r")
        {
            offset -= 1
        }
        var line = self.line(at: max(offset, 0))
        let first = node.start.line
        while line > first, isCommentOrBlank(line) { line -= 1 }
        return line
    }

    /// Only spaces and tabs, or nothing.
    func isBlank(_ line: Int) -> Bool {
        var offset = lineStarts[line - 1]
        while offset < bytes.count, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t") {
            offset += 1
        }
        return offset >= bytes.count || bytes[offset] == UInt8(ascii: "\n") || bytes[offset] == UInt8(ascii: "\r")
    }

    func isCommentOrBlank(_ line: Int) -> Bool {
        var offset = lineStarts[line - 1]
        while offset < bytes.count, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t") {
            offset += 1
        }
        return offset >= bytes.count || bytes[offset] == UInt8(ascii: "#") || bytes[offset] == UInt8(ascii: "\n")
            || bytes[offset] == UInt8(ascii: "\r")
    }

    /// The indentation step the author uses (2 unless the file shows another).
    var indentWidth: Int {
        var counts: [Int: Int] = [:]
        var previous: Int?
        for line in 1...lineStarts.count where !isCommentOrBlank(line) {
            var offset = lineStarts[line - 1]
            var indent = 0
            while offset < bytes.count, bytes[offset] == UInt8(ascii: " ") {
                offset += 1
                indent += 1
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") {
                previous = indent + 2
                continue
            }
            if let previous, indent > previous { counts[indent - previous, default: 0] += 1 }
            previous = indent
        }
        return counts.filter { (2...8).contains($0.key) }.max {
            $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key)
        }?.key ?? 2
    }
}
