/// One link of an RFC 8288 `Link` header: `<https://…?page=2>; rel="next"`.
package struct WebLink: Sendable, Equatable {
    /// The URI reference between the angle brackets, as written (it may be relative).
    package var target: String
    /// The `rel` values, lowercased; one link can carry several (`rel="next last"`).
    package var relations: [String]
    /// Every parameter by lowercased name, unquoted; for a repeated name the first wins.
    package var parameters: [String: String]

    package init(target: String, relations: [String], parameters: [String: String] = [:]) {
        self.target = target
        self.relations = relations
        self.parameters = parameters
    }

    /// All links in one `Link` header value. Malformed links are skipped, not fatal: pagination
    /// then simply ends.
    package static func parse(_ value: String) -> [WebLink] {
        var scanner = LinkScanner(value)
        var links: [WebLink] = []
        while let link = scanner.nextLink() { links.append(link) }
        return links
    }
}

/// Walks a `Link` header value character by character (commas and semicolons may sit inside
/// quoted strings and URLs, so splitting on them is wrong).
private struct LinkScanner {
    private let characters: [Character]
    private var index = 0

    init(_ value: String) {
        characters = Array(value)
    }

    mutating func nextLink() -> WebLink? {
        while index < characters.count {
            skip { $0.isWhitespace || $0 == "," }
            guard index < characters.count else { return nil }
            guard characters[index] == "<", let end = characters[index...].firstIndex(of: ">") else {
                skip { $0 != "," }
                continue
            }
            let target = String(characters[(index + 1)..<end])
            index = end + 1
            let parameters = readParameters()
            let relations = (parameters["rel"] ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(
                String.init)
            return WebLink(target: target, relations: relations, parameters: parameters)
        }
        return nil
    }

    private mutating func readParameters() -> [String: String] {
        var parameters: [String: String] = [:]
        while true {
            skip(\.isWhitespace)
            guard index < characters.count, characters[index] == ";" else { break }
            index += 1
            skip(\.isWhitespace)
            let name = read { !$0.isWhitespace && !"=;,".contains($0) }.lowercased()
            skip(\.isWhitespace)
            var value = ""
            if index < characters.count, characters[index] == "=" {
                index += 1
                skip(\.isWhitespace)
                value =
                    index < characters.count && characters[index] == "\""
                    ? readQuoted() : read { !$0.isWhitespace && !";,".contains($0) }
            }
            if !name.isEmpty, parameters[name] == nil { parameters[name] = value }
        }
        skip { $0 != "," }
        return parameters
    }

    private mutating func readQuoted() -> String {
        index += 1
        var value = ""
        while index < characters.count, characters[index] != "\"" {
            if characters[index] == "\\", index + 1 < characters.count { index += 1 }
            value.append(characters[index])
            index += 1
        }
        index += 1
        return value
    }

    private mutating func read(while accepts: (Character) -> Bool) -> String {
        let start = index
        skip(accepts)
        return String(characters[start..<min(index, characters.count)])
    }

    private mutating func skip(_ accepts: (Character) -> Bool) {
        while index < characters.count, accepts(characters[index]) { index += 1 }
    }
}
