/// A glob over slash-separated relative paths: `*` matches within one folder name,
/// `**` across folders, `?` one character. `legacy/` (trailing slash) means everything under it.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let characters: [Character]

    public init(_ pattern: String) {
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasSuffix("/") { text += "**" }
        self.pattern = text
        self.characters = Array(text)
    }

    public var description: String { pattern }

    /// Matches the whole path, or (for a pattern without a slash) any file name in it, as .gitignore does.
    public func matches(_ path: String) -> Bool {
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        let text = Array(relative)
        if Self.match(characters[...], text[...]) { return true }
        if !characters.contains("/") {
            return relative.split(separator: "/").contains { Self.match(characters[...], Array($0)[...]) }
        }
        return Self.match(Array("**/" + pattern)[...], text[...])
    }

    private static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == "*" {
            let doubleStar = pattern.dropFirst().first == "*"
            var rest = pattern.dropFirst(doubleStar ? 2 : 1)
            if doubleStar, rest.first == "/" {
                // `**/` also matches no folder at all.
                if match(rest.dropFirst(), text) { return true }
                rest = pattern.dropFirst(2)
            }
            var index = text.startIndex
            while true {
                if match(rest, text[index...]) { return true }
                guard index < text.endIndex, doubleStar || text[index] != "/" else { return false }
                index += 1
            }
        }
        guard let character = text.first else { return false }
        guard first == "?" ? character != "/" : first == character else { return false }
        return match(pattern.dropFirst(), text.dropFirst())
    }
}
