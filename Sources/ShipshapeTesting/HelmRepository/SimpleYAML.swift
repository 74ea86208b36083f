import Foundation

/// Writing and reading the plain YAML the fixtures deal in (Chart.yaml, index.yaml, registry
/// config): strings are always written double-quoted, as JSON strings, which YAML reads back as is.
enum SimpleYAML {
    static func quoted(_ text: String) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A scalar as written in a simple YAML file: double- or single-quoted, or plain (a trailing
    /// ` # comment` dropped); `true`/`false` become booleans, everything else stays text.
    static func value(_ text: Substring) -> Any {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("\""), let data = trimmed.data(using: .utf8),
            let string = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? String
        {
            return string
        }
        if trimmed.hasPrefix("'"), trimmed.hasSuffix("'"), trimmed.count >= 2 {
            return String(trimmed.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        let plain = trimmed.range(of: " #").map { String(trimmed[..<$0.lowerBound]) } ?? trimmed
        switch plain {
        case "true": return true
        case "false": return false
        default: return plain
        }
    }
}
