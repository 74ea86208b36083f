/// A `WWW-Authenticate` challenge: its scheme (`Bearer`, `Basic`) and parameters
/// (`realm`, `service`, `scope`), as a registry sends it with a 401.
struct AuthenticationChallenge: Sendable, Equatable {
    var scheme: String
    var parameters: [String: String]

    init?(header: String) {
        let trimmed = header.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else {
            guard !trimmed.isEmpty else { return nil }
            scheme = String(trimmed)
            parameters = [:]
            return
        }
        scheme = String(trimmed[..<space])
        parameters = Self.parameters(trimmed[trimmed.index(after: space)...])
    }

    /// `key="value",key2=value2` with quoted commas kept.
    private static func parameters(_ text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, text[index] == " " || text[index] == "," { index = text.index(after: index) }
            guard let equals = text[index...].firstIndex(of: "=") else { break }
            let key = text[index..<equals].trimmingSpaces.lowercased()
            var cursor = text.index(after: equals)
            var value = ""
            if cursor < text.endIndex, text[cursor] == "\"" {
                cursor = text.index(after: cursor)
                while cursor < text.endIndex, text[cursor] != "\"" {
                    if text[cursor] == "\\", text.index(after: cursor) < text.endIndex {
                        cursor = text.index(after: cursor)
                    }
                    value.append(text[cursor])
                    cursor = text.index(after: cursor)
                }
                if cursor < text.endIndex { cursor = text.index(after: cursor) }
            } else {
                let end = text[cursor...].firstIndex(of: ",") ?? text.endIndex
                value = text[cursor..<end].trimmingSpaces
                cursor = end
            }
            result[key] = value
            index = cursor
        }
        return result
    }
}

extension Substring {
    var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
