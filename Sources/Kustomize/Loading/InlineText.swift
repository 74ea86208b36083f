import Manifests
import Policy

/// Maps positions inside text written as a YAML block scalar (`patch: |`) to the file's lines.
enum InlineText {
    static func positionMap(for node: Node, in kustomization: Kustomization) -> (SourcePosition) -> SourcePosition {
        guard let origin = node.origin else { return { $0 } }
        let bytes = kustomization.text(of: origin.file)
        let start = origin.position
        let lineStarts = Self.lineStarts(bytes)
        let indicatorLine = start.line - 1
        guard indicatorLine < lineStarts.count else { return { _ in start } }
        // The node is placed at its key (`patch:`); the block indicator follows on that line.
        var index = lineStarts[indicatorLine] + (start.column - 1)
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "|"),
            bytes[index] != UInt8(ascii: ">")
        {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "|") || bytes[index] == UInt8(ascii: ">") else {
            return { _ in start }
        }
        // The block's indentation: that of its first line that holds text.
        var indent = 0
        for line in (indicatorLine + 1)..<lineStarts.count {
            var index = lineStarts[line]
            var spaces = 0
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") {
                spaces += 1
                index += 1
            }
            if index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
                indent = spaces
                break
            }
        }
        return { inner in
            let fileLine = start.line + inner.line
            guard fileLine - 1 < lineStarts.count else { return start }
            return SourcePosition(
                line: fileLine, column: inner.column + indent,
                offset: lineStarts[fileLine - 1] + indent + inner.column - 1)
        }
    }

    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        return starts
    }
}
