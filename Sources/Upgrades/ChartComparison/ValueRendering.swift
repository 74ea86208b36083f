import Foundation
import Manifests

/// A YAML value written on one line in flow style (`[a, {name: b}]`), with strings quoted only
/// where the bare text would read as another type, so `"1.0"` and `1.0` render (and compare) apart.
enum ValueRendering {
    static func flow(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar):
            return self.scalar(scalar)
        case .sequence(let items):
            return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\(flow($0.key)): \(flow($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// `text` cut to `limit` characters, ending in "…" when cut.
    static func shortened(_ text: String, limit: Int = 60) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    private static func scalar(_ scalar: YAMLScalar) -> String {
        let isString = scalar.style != .plain || scalar.tag == "tag:yaml.org,2002:str"
        if !isString {
            if scalar.isNull { return "null" }
            if readsAsNonString(scalar.text) { return scalar.text }
        }
        return string(scalar.text)
    }

    private static func string(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        return "\"\(escaped)\""
    }

    private static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        if readsAsNonString(text) || first.isWhitespace || last.isWhitespace { return true }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return true }
        return text.contains { "\n\t,[]{}".contains($0) } || text.contains(": ") || text.contains(" #")
    }

    /// True for text that YAML 1.1 reads as null, a boolean or a number when written bare.
    private static func readsAsNonString(_ text: String) -> Bool {
        let plain = YAMLScalar(text: text)
        if plain.isNull || plain.bool != nil || plain.int != nil || Double(text) != nil { return true }
        let lowered = text.lowercased()
        return [".inf", "+.inf", "-.inf", ".nan"].contains(lowered) || lowered.hasPrefix("0x")
            || lowered.hasPrefix("0o")
    }
}
