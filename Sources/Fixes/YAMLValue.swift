import Manifests

/// A value a fix writes: rendered in the file's own style (block or flow, its indentation,
/// JSON's quoting in a JSON file).
package indirect enum YAMLValue: Sendable, Hashable {
    /// A scalar written as is when YAML reads it back as the same string, quoted otherwise.
    case string(String)
    /// A number, boolean or other plain scalar written as is (`false`, `100m`, `3`).
    case plain(String)
    case mapping([(String, YAMLValue)])
    case sequence([YAMLValue])

    package static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)), (.plain(let a), .plain(let b)): a == b
        case (.sequence(let a), .sequence(let b)): a == b
        case (.mapping(let a), .mapping(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let text), .plain(let text): hasher.combine(text)
        case .sequence(let items): hasher.combine(items)
        case .mapping(let entries):
            for (key, value) in entries {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// Whether `node` already holds this value (same keys in the same order, same items, same
    /// scalar texts), so that setting it again is no edit.
    func isWritten(as node: YAMLNode) -> Bool {
        switch self {
        case .plain(let text), .string(let text): return node.scalar?.text == text
        case .sequence(let items):
            guard let nodes = node.items, nodes.count == items.count else { return false }
            return zip(items, nodes).allSatisfy { $0.isWritten(as: $1) }
        case .mapping(let entries):
            guard let written = node.entries, written.count == entries.count else { return false }
            return zip(entries, written).allSatisfy { $0.0 == $1.keyText && $0.1.isWritten(as: $1.value) }
        }
    }

    /// The value on one line: `false`, `"a b"`, `[ALL]`, `{cpu: 100m}`.
    func flow(json: Bool) -> String {
        switch self {
        case .plain(let text): return json && !Self.isJSONLiteral(text) ? Self.quoted(text) : text
        case .string(let text): return json || Self.needsQuotes(text) ? Self.quoted(text) : text
        case .sequence(let items): return "[" + items.map { $0.flow(json: json) }.joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{"
                + entries.map { "\(json ? Self.quoted($0.0) : $0.0): \($0.1.flow(json: json))" }.joined(separator: ", ")
                + "}"
        }
    }

    /// Lines of a block value under a key at `indent`, or nil when it fits after the key.
    func blockLines(indent: Int, width: Int) -> [String]? {
        guard case .mapping(let entries) = self else { return nil }
        let padding = String(repeating: " ", count: indent + width)
        return entries.flatMap { key, value -> [String] in
            if let nested = value.blockLines(indent: indent + width, width: width) {
                return ["\(padding)\(key):"] + nested
            }
            return ["\(padding)\(key): \(value.flow(json: false))"]
        }
    }

    /// `true`, `false`, `null` or a JSON number: what JSON writes without quotes (`100m` is not).
    static func isJSONLiteral(_ text: String) -> Bool {
        if text == "true" || text == "false" || text == "null" { return true }
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        guard !integer.isEmpty, integer == "0" || integer.first != "0" else { return false }
        rest = rest.dropFirst(integer.count)
        if rest.first == "." {
            let fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(1 + fraction.count)
        }
        if let marker = rest.first, marker == "e" || marker == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            let exponent = rest.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }

    static func needsQuotes(_ text: String) -> Bool {
        if text.isEmpty { return true }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        if reserved.contains(text.lowercased()) || Double(text) != nil || Int(text) != nil { return true }
        if let first = text.first, "-?:,[]{}#&*!|>'\"%@`".contains(first) || first == " " { return true }
        return text.contains(": ") || text.contains(" #") || text.hasSuffix(" ") || text.hasSuffix(":")
    }

    /// A double-quoted YAML (and JSON) string.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
