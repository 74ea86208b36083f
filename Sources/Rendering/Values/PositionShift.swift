import Manifests

/// Moves positions of YAML parsed from a literal block scalar (`values.yaml: |` in a ConfigMap,
/// Argo CD's `helm.values: |`) to where its lines sit in the file.
struct PositionShift: Sendable {
    var lines = 0
    var columns = 0

    func apply(_ position: SourcePosition) -> SourcePosition {
        SourcePosition(line: position.line + lines, column: position.column + columns)
    }
}

/// The YAML text of a literal block scalar, parsed, with the shift that places it in its file.
enum EmbeddedYAML {
    static func parse(_ node: YAMLNode, fileBytes: [UInt8]) -> (root: YAMLNode, shift: PositionShift)? {
        guard let scalar = node.scalar else { return nil }
        let stream = YAMLParser.parse(bytes: Array(scalar.text.utf8))
        guard stream.errors.isEmpty, let root = stream.documents.first?.root else { return nil }
        guard scalar.style == .literal else {
            return (root, PositionShift(lines: node.start.line - 1, columns: node.start.column - 1))
        }
        // A literal block's text starts on the line after the `|`, at the block's indentation;
        // blank lines before it are part of the text.
        let lines = fileBytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var first = node.start.line
        while first < lines.count, lines[first].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
            first += 1
        }
        let indent = first < lines.count ? lines[first].prefix { $0 == UInt8(ascii: " ") }.count : 0
        let leadingBlank = scalar.text.utf8.prefix { $0 == UInt8(ascii: "\n") }.count
        return (root, PositionShift(lines: first - leadingBlank, columns: indent))
    }
}
