import Foundation

/// One `---`-separated document of a template, as lines, with a line-by-line reader for the
/// top-level `apiVersion`, `kind` and `metadata.name` that does not need the text to be YAML.
struct TemplateDocument: Sendable, Hashable {
    var lines: [Substring]
    /// 1-based line number of `lines[0]` in the file.
    var firstLine: Int

    var text: String { lines.joined(separator: "\n") }

    /// True when some line is more than blank space, a comment or a template action.
    var hasContent: Bool { lines.contains { Self.isContent($0) } }

    static func split(_ text: String) -> [TemplateDocument] {
        var documents: [TemplateDocument] = []
        var current = TemplateDocument(lines: [], firstLine: 1)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if isSeparator(line) {
                documents.append(current)
                current = TemplateDocument(lines: [], firstLine: index + 2)
            } else {
                current.lines.append(line)
            }
        }
        documents.append(current)
        return documents
    }

    func scannedHeader() -> ManifestHeader {
        var header = ManifestHeader(apiVersions: [], kind: nil, name: nil, text: text)
        var metadataChildIndent: Int?
        var inMetadata = false
        for (offset, line) in lines.enumerated() {
            if inMetadata {
                guard Self.isContent(line) else { continue }
                let indent = line.prefix { $0 == " " }.count
                if indent > 0 {
                    metadataChildIndent = metadataChildIndent ?? indent
                    if indent == metadataChildIndent, header.name == nil {
                        header.name = Self.value(of: "name", in: line.dropFirst(indent))
                    }
                    continue
                }
                inMetadata = false
            }
            if let apiVersion = Self.value(of: "apiVersion", in: line) {
                header.apiVersions.append(.init(value: apiVersion, line: firstLine + offset))
            } else if header.kind == nil, let kind = Self.value(of: "kind", in: line) {
                header.kind = kind
            } else if Self.stripComment(line).trimmingCharacters(in: .whitespaces) == "metadata:" {
                inMetadata = true
                metadataChildIndent = nil
            }
        }
        return header
    }

    /// The value of `key: value` written at the start of `line`, without quotes or a trailing
    /// comment; `nil` for another key, an empty value or one holding a template action.
    static func value(of key: String, in line: Substring) -> String? {
        guard line.hasPrefix(key + ":") else { return nil }
        let rest = line.dropFirst(key.count + 1)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var value = stripComment(rest).trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
            value = String(value.dropFirst().dropLast())
        }
        return ManifestHeader.literal(value)
    }

    private static func stripComment(_ text: Substring) -> Substring {
        guard let hash = text.range(of: " #") else { return text }
        return text[..<hash.lowerBound]
    }

    private static func isSeparator(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") else { return false }
        let rest = line.dropFirst(3)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }

    private static func isContent(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("{{")
    }
}
