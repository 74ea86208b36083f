import Manifests

/// Minimal, format-preserving edits of a YAML (or JSON) document at the positions the parser
/// reported: replace a scalar, insert missing keys (and the maps above them), remove a key.
/// Everything outside the edited bytes stays as the author wrote it; asking for a value that
/// is already there yields no edit, so fixing twice changes nothing the second time.
package struct YAMLEditor: Sendable {
    package let source: SourceText
    let width: Int
    let isJSON: Bool

    package init(source: SourceText, isJSON: Bool? = nil) {
        self.source = source
        self.width = source.indentWidth
        self.isJSON =
            isJSON
            ?? (source.bytes.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
                == UInt8(ascii: "{"))
    }

    /// Sets `path` under `mapping` to `value`: replaces the scalar there, or inserts the missing
    /// keys. Nil when the value is already there.
    package func set(_ path: [String], to value: YAMLValue, in mapping: YAMLNode) throws(EditError) -> TextEdit? {
        guard let first = path.first else { throw EditError("an empty path names nothing to set") }
        guard let entry = mapping.entry(first) else { return try insert(path, value, into: mapping) }
        if path.count > 1 {
            if entry.value.isMapping { return try set(Array(path.dropFirst()), to: value, in: entry.value) }
            guard entry.value.isNull, source.offset(of: entry.value.start) == source.offset(of: entry.value.end) else {
                throw EditError("\(first) at line \(entry.key.start.line) is not a mapping")
            }
            return insert(Array(path.dropFirst()), value, under: entry)
        }
        return try replace(entry.value, with: value)
    }

    /// Removes `key` and its value from `mapping` (the occurrence that counts, the last, when it is
    /// written twice). Nil when the key is not there.
    package func remove(_ key: String, from mapping: YAMLNode) throws(EditError) -> TextEdit? {
        guard let entries = mapping.entriesAsWritten, let index = entries.lastIndex(where: { $0.keyText == key }) else {
            return nil
        }
        let entry = entries[index]
        if isFlow(mapping) {
            var start = source.offset(of: entry.key.start)
            var end = source.offset(of: entry.value.end)
            if index + 1 < entries.count {
                end = source.offset(of: entries[index + 1].key.start)
            } else if index > 0 {
                start = source.offset(of: entries[index - 1].value.end)
            }
            return TextEdit(range: start..<end, replacement: "")
        }
        let keyLine = entry.key.start.line
        let lineStart = source.offset(of: SourcePosition(line: keyLine, column: 1))
        let beforeKey = source.bytes[lineStart..<source.offset(of: entry.key.start)]
        guard beforeKey.allSatisfy({ $0 == UInt8(ascii: " ") }) else {
            // `- hostPort: 80` opening a list item: the next key moves up onto the dash line.
            guard index + 1 < entries.count, entries[index + 1].key.start.line > source.lastLine(of: entry.value) else {
                throw EditError("\(key) at line \(keyLine) is the only key of its list item; remove the item by hand")
            }
            return TextEdit(
                range: source.offset(of: entry.key.start)..<source.offset(of: entries[index + 1].key.start),
                replacement: "")
        }
        let lastLine = max(keyLine, source.lastLine(of: entry.value))
        return TextEdit(range: lineStart..<source.endOfLine(lastLine), replacement: "")
    }

    /// Replaces a whole mapping value with another, in the style it was written in (a flow map
    /// stays on its line; a block map keeps its indentation).
    package func replaceMapping(_ node: YAMLNode, with value: YAMLValue) throws(EditError) -> TextEdit {
        guard node.isMapping, case .mapping = value else {
            throw EditError("line \(node.start.line): only a mapping replaces a mapping")
        }
        let start = source.offset(of: node.start)
        if isFlow(node) || isJSON {
            return TextEdit(range: start..<source.offset(of: node.end), replacement: value.flow(json: isJSON))
        }
        let indent = node.start.column - 1
        var lines = value.blockLines(indent: indent - width, width: width) ?? []
        if let first = lines.first { lines[0] = String(first.dropFirst(indent)) }
        let lastLine = source.lastLine(of: node)
        var end = source.endOfLine(lastLine)
        while end > start, source.bytes[end - 1] == UInt8(ascii: "\n") || source.bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return TextEdit(range: start..<end, replacement: lines.joined(separator: source.lineEnding))
    }

    /// Appends an item to a sequence, in its style: a new `- item` line under the last one for a
    /// block sequence, `, item` before the `]` of a flow one. Nil when an equal item is there.
    package func append(_ value: YAMLValue, to sequence: YAMLNode) throws(EditError) -> TextEdit? {
        guard let items = sequence.items else { throw EditError("line \(sequence.start.line) is not a list") }
        let rendered = value.flow(json: isJSON)
        if items.contains(where: {
            $0.scalar.map { $0.text == rendered || YAMLValue.string($0.text).flow(json: isJSON) == rendered } ?? false
        }) {
            return nil
        }
        let start = source.offset(of: sequence.start)
        if start < source.bytes.count, source.bytes[start] == UInt8(ascii: "[") {
            guard let last = items.last else {
                return TextEdit(range: start..<source.offset(of: sequence.end), replacement: "[\(rendered)]")
            }
            let at = source.offset(of: last.end)
            return TextEdit(range: at..<at, replacement: ", \(rendered)")
        }
        guard let first = items.first, let last = items.last else {
            throw EditError("line \(sequence.start.line): an empty block list")
        }
        // The new item takes the first item's dash column.
        let lineStart = source.offset(of: SourcePosition(line: first.start.line, column: 1))
        var dash = source.offset(of: first.start) - 1
        while dash > lineStart, source.bytes[dash] != UInt8(ascii: "-") { dash -= 1 }
        let indent = String(repeating: " ", count: dash - lineStart)
        return insertLines(["\(indent)- \(rendered)"], afterLine: source.lastLine(of: last))
    }

    /// Removes the items at `indices` (some, not all) from a sequence, in its style: the lines of
    /// a block item (comment lines between items stay), or the item and its comma in a flow list.
    package func removeItems(at indices: [Int], from sequence: YAMLNode) throws(EditError) -> [TextEdit] {
        guard let items = sequence.items else { throw EditError("line \(sequence.start.line) is not a list") }
        let removed = Set(indices)
        guard let lastKept = items.indices.last(where: { !removed.contains($0) }) else {
            throw EditError("line \(sequence.start.line): removing every item is removing the list")
        }
        let start = source.offset(of: sequence.start)
        if start < source.bytes.count, source.bytes[start] == UInt8(ascii: "[") {
            // Up to the next item, or (after the last item kept) from the end of that item on.
            var edits = removed.filter { $0 < lastKept }.map { index in
                TextEdit(
                    range: source.offset(of: items[index].start)..<source.offset(of: items[index + 1].start),
                    replacement: "")
            }
            if let last = removed.max(), last > lastKept {
                edits.append(
                    TextEdit(
                        range: source.offset(of: items[lastKept].end)..<source.offset(of: items[last].end),
                        replacement: ""))
            }
            return edits
        }
        return try removed.sorted().map { index throws(EditError) -> TextEdit in
            let item = items[index]
            let lineStart = source.startOfLine(item.start.line)
            let beforeItem = source.bytes[lineStart..<source.offset(of: item.start)]
            guard beforeItem.filter({ $0 != UInt8(ascii: " ") }) == [UInt8(ascii: "-")] else {
                throw EditError("line \(item.start.line): the item shares its line with another; remove it by hand")
            }
            return TextEdit(
                range: lineStart..<source.endOfLine(max(item.start.line, source.lastLine(of: item))), replacement: "")
        }
    }

    /// Renames a key where it stands.
    package func renameKey(_ entry: YAMLMappingEntry, to name: String) -> TextEdit {
        TextEdit(
            range: source.offset(of: entry.key.start)..<source.offset(of: entry.key.end),
            replacement: isJSON ? YAMLValue.quoted(name) : name)
    }

    /// Inserts `key: value` at the end of `mapping` (nil when the key is already there).
    package func add(_ key: String, _ value: YAMLValue, to mapping: YAMLNode) throws(EditError) -> TextEdit? {
        guard mapping.entry(key) == nil else { return nil }
        return try insert([key], value, into: mapping)
    }

    // MARK: - Building the edits

    private func replace(_ node: YAMLNode, with value: YAMLValue) throws(EditError) -> TextEdit? {
        guard let scalar = node.scalar else {
            if value.isWritten(as: node) { return nil }
            throw EditError("the value at line \(node.start.line) is not a single value")
        }
        let wanted: String
        switch value {
        case .plain(let text): wanted = text
        case .string(let text): wanted = text
        default: throw EditError("only single values replace single values (line \(node.start.line))")
        }
        if scalar.text == wanted { return nil }
        var rendered = value.flow(json: isJSON)
        if scalar.style == .doubleQuoted, case .string(let text) = value { rendered = YAMLValue.quoted(text) }
        let start = source.offset(of: node.start)
        let end = source.offset(of: node.end)
        return TextEdit(range: start..<end, replacement: rendered)
    }

    private func insert(_ path: [String], _ value: YAMLValue, into mapping: YAMLNode) throws(EditError) -> TextEdit {
        let key = path[0]
        let nested = path.dropFirst().reversed().reduce(value) { inner, outer in .mapping([(outer, inner)]) }
        let entries = mapping.entries ?? []
        if isFlow(mapping) {
            let member = "\(isJSON ? YAMLValue.quoted(key) : key): \(nested.flow(json: isJSON))"
            guard let last = entries.last else {
                return TextEdit(
                    range: source.offset(of: mapping.start)..<source.offset(of: mapping.end), replacement: "{\(member)}"
                )
            }
            let at = source.offset(of: last.value.end)
            return TextEdit(range: at..<at, replacement: ", \(member)")
        }
        guard let last = entries.last, let first = entries.first else {
            throw EditError("line \(mapping.start.line): not a mapping")
        }
        let indent = first.key.start.column - 1
        let lastLine = max(last.key.start.line, source.lastLine(of: last.value))
        return insertLines(lines(for: key, nested, indent: indent), afterLine: lastLine)
    }

    /// Inserts the rest of a path under a key whose value is empty (`securityContext:` alone).
    private func insert(_ path: [String], _ value: YAMLValue, under entry: YAMLMappingEntry) -> TextEdit {
        let nested = path.dropFirst().reversed().reduce(value) { inner, outer in .mapping([(outer, inner)]) }
        let indent = entry.key.start.column - 1 + width
        return insertLines(lines(for: path[0], nested, indent: indent), afterLine: entry.key.start.line)
    }

    private func lines(for key: String, _ value: YAMLValue, indent: Int) -> [String] {
        let padding = String(repeating: " ", count: indent)
        if let nested = value.blockLines(indent: indent, width: width) { return ["\(padding)\(key):"] + nested }
        return ["\(padding)\(key): \(value.flow(json: false))"]
    }

    private func insertLines(_ lines: [String], afterLine line: Int) -> TextEdit {
        let at = source.endOfLine(line)
        let ending = source.lineEnding
        let needsBreak = at == source.bytes.count && source.bytes.last != UInt8(ascii: "\n")
        return TextEdit(
            range: at..<at, replacement: (needsBreak ? ending : "") + lines.joined(separator: ending) + ending)
    }

    private func isFlow(_ mapping: YAMLNode) -> Bool {
        let offset = source.offset(of: mapping.start)
        return offset < source.bytes.count && source.bytes[offset] == UInt8(ascii: "{")
    }
}
