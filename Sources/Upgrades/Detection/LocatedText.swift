import Fixes
import Manifests

/// Parsed YAML text and the way back to the bytes of the file it came from: the file itself,
/// or a literal block scalar holding YAML (Argo CD's `helm.values: |`), whose lines sit in the
/// file at a fixed indentation. Locations are only given when the mapped bytes are exactly the
/// value's text, so an edit can never land anywhere else.
struct LocatedText: Sendable {
    let file: String
    let source: SourceText
    /// The file's own text when this is embedded YAML.
    private let fileSource: SourceText
    /// For embedded YAML: the file line holding the block's first line, and its indentation.
    private let embedding: (firstLine: Int, indent: Int)?

    init(file: String, source: SourceText) {
        self.file = file
        self.source = source
        self.fileSource = source
        self.embedding = nil
    }

    /// The YAML inside a literal block scalar of this text, or nil when the scalar is not a
    /// literal block (folded and quoted strings do not keep lines in place).
    func embedded(in node: YAMLNode) -> (text: LocatedText, stream: YAMLStream)? {
        guard embedding == nil, let scalar = node.scalar, scalar.style == .literal else { return nil }
        let bytes = Array(scalar.text.utf8)
        var firstLine = node.start.line + 1
        while firstLine <= node.end.line, isBlank(line: firstLine) { firstLine += 1 }
        let lineStart = source.startOfLine(firstLine)
        var indent = 0
        while lineStart + indent < source.bytes.count, source.bytes[lineStart + indent] == UInt8(ascii: " ") {
            indent += 1
        }
        let leadingBlankLines = bytes.prefix { $0 == UInt8(ascii: "\n") }.count
        let text = LocatedText(
            file: file, embedded: SourceText(bytes: bytes), in: source,
            firstLine: firstLine - leadingBlankLines, indent: indent)
        return (text, YAMLParser.parse(bytes: bytes))
    }

    private init(file: String, embedded: SourceText, in fileSource: SourceText, firstLine: Int, indent: Int) {
        self.file = file
        self.source = embedded
        self.fileSource = fileSource
        self.embedding = (firstLine, indent)
    }

    /// Where the UTF-8 bytes `part` of scalar `node`'s text are written in the file.
    func location(of part: Range<Int>, in node: YAMLNode) -> ValueLocation {
        guard let scalar = node.scalar else { return unplaced(node) }
        let start = source.offset(of: node.start)
        let end = source.offset(of: node.end)
        let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
        let text = Array(scalar.text.utf8)
        guard scalar.style != .literal, scalar.style != .folded, end - start - 2 * quote == text.count,
            start + quote + text.count <= source.bytes.count,
            Array(source.bytes[(start + quote)..<(start + quote + text.count)]) == text
        else { return unplaced(node) }
        let local = (start + quote + part.lowerBound)..<(start + quote + part.upperBound)
        guard let range = fileRange(local) else { return unplaced(node) }
        let line = fileSource.line(at: range.lowerBound)
        let column =
            String(decoding: fileSource.bytes[fileSource.startOfLine(line)..<range.lowerBound], as: UTF8.self).count + 1
        return ValueLocation(file: file, line: line, column: column, range: range)
    }

    /// Where the whole text of scalar `node` is written.
    func location(of node: YAMLNode) -> ValueLocation {
        location(of: 0..<(node.scalar?.text.utf8.count ?? 0), in: node)
    }

    private func unplaced(_ node: YAMLNode) -> ValueLocation {
        guard let embedding else {
            return ValueLocation(file: file, line: node.start.line, column: node.start.column, range: nil)
        }
        return ValueLocation(
            file: file, line: embedding.firstLine + node.start.line - 1, column: node.start.column + embedding.indent,
            range: nil)
    }

    private func fileRange(_ local: Range<Int>) -> Range<Int>? {
        guard let embedding else { return local }
        let line = source.line(at: local.lowerBound)
        guard source.line(at: max(local.upperBound - 1, local.lowerBound)) == line else { return nil }
        let column = local.lowerBound - source.startOfLine(line)
        let start = fileSource.startOfLine(embedding.firstLine + line - 1) + embedding.indent + column
        let range = start..<(start + local.count)
        guard range.upperBound <= fileSource.bytes.count,
            fileSource.bytes[range].elementsEqual(source.bytes[local])
        else { return nil }
        return range
    }

    private func isBlank(line: Int) -> Bool {
        var offset = source.startOfLine(line)
        while offset < source.bytes.count, source.bytes[offset] == UInt8(ascii: " ") { offset += 1 }
        return offset >= source.bytes.count || source.bytes[offset] == UInt8(ascii: "\n")
            || source.bytes[offset] == UInt8(ascii: "\r")
    }
}
