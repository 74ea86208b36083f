/// A glob over slash-separated relative paths: `*` matches within one folder name,
/// `**` across folders, `?` one character. `legacy/` (trailing slash) means everything under it.
///
/// Patterns come from repositories' configuration, so matching must not backtrack: the pattern
/// is a small automaton and a path is read once, keeping the set of pattern positions reached
/// (at most pattern × path steps, where a backtracking matcher took 45 s on one long name).
package struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    package let pattern: String
    private let automaton: GlobAutomaton
    /// The pattern preceded by `**/`: a pattern with a slash also matches deeper in the tree.
    private let anywhere: GlobAutomaton
    private let hasSlash: Bool

    package init(_ pattern: String) {
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasSuffix("/") { text += "**" }
        self.pattern = text
        self.automaton = GlobAutomaton(Array(text))
        self.anywhere = GlobAutomaton(Array("**/" + text))
        self.hasSlash = text.contains("/")
    }

    package var description: String { pattern }

    /// Matches the whole path, or (for a pattern without a slash) any file name in it, as .gitignore does.
    package func matches(_ path: String) -> Bool {
        var steps = 0
        return matches(path, steps: &steps)
    }

    /// `matches`, counting the automaton's steps (a test shows they grow linearly with the path).
    func matches(_ path: String, steps: inout Int) -> Bool {
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        let text = Array(relative)
        if automaton.matches(text[...], steps: &steps) { return true }
        if !hasSlash {
            return text.split(separator: "/").contains { automaton.matches($0, steps: &steps) }
        }
        return anywhere.matches(text[...], steps: &steps)
    }
}

extension PathPattern {
    package static func == (lhs: PathPattern, rhs: PathPattern) -> Bool { lhs.pattern == rhs.pattern }
    package func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
