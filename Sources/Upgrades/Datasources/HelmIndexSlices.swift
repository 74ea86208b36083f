/// Cuts an `index.yaml` as `helm repo index` writes it into one slice per chart, so each chart's
/// entries are parsed on their own and a tens-of-megabytes index never becomes one tree in
/// memory. The layout it relies on: `entries:` at the start of a line, each chart's name on a
/// line of its own at one fixed indentation below it, everything else deeper or a `- ` item at
/// that indentation, and the next top-level key (`generated:`) ending the entries. Anything else
/// returns nil and the index is parsed whole.
enum HelmIndexSlices {
    static func split(_ bytes: [UInt8]) -> [Range<Int>]? {
        let newline = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")
        var lineStart = 0
        var inEntries = false
        var keyIndent: Int?
        var slices: [Range<Int>] = []
        var current: Int?
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
            var indent = 0
            while lineStart + indent < lineEnd, bytes[lineStart + indent] == space { indent += 1 }
            let first = lineStart + indent < lineEnd ? bytes[lineStart + indent] : nil
            let isBlankOrComment = first == nil || first == UInt8(ascii: "#") || first == UInt8(ascii: "\r")
            if !isBlankOrComment {
                if indent == 0 {
                    if let start = current {
                        slices.append(start..<lineStart)
                        current = nil
                    }
                    if inEntries { inEntries = false }
                    if bytes[lineStart..<lineEnd].starts(with: Array("entries:".utf8)) {
                        // `entries: {}` and other flow forms are left to the whole parse.
                        let rest = bytes[(lineStart + 8)..<lineEnd].filter { $0 != space && $0 != UInt8(ascii: "\r") }
                        guard rest.isEmpty else { return nil }
                        inEntries = true
                    }
                } else if inEntries {
                    if keyIndent == nil { keyIndent = indent }
                    if indent == keyIndent, first != UInt8(ascii: "-") {
                        if let start = current { slices.append(start..<lineStart) }
                        current = lineStart
                    } else if indent < keyIndent! || current == nil {
                        return nil
                    }
                }
            }
            lineStart = lineEnd + 1
        }
        if let start = current { slices.append(start..<bytes.count) }
        return slices.isEmpty ? nil : slices
    }
}
