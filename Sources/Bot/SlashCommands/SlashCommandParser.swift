/// What a comment says to the bot.
package enum ParsedComment: Sendable, Equatable {
    /// Not addressed to the bot: the first line does not start with `/shipshape`.
    case notACommand
    case command(SlashCommand)
    /// `/shipshape <verb>` with a verb the bot does not know; `suggestion` is the known verb it
    /// is a likely typo of. The bot answers with its help.
    case unknown(verb: String, suggestion: String?)
    /// A known verb used wrongly (an unknown check id, a missing argument): what is wrong, in a
    /// sentence the bot can put in its answer.
    case invalid(String)
}

/// Reads slash commands the way Atlantis reads its comments: only the first line counts, the
/// `/shipshape` prefix and the verbs are case-insensitive, extra spaces do not matter, and a
/// quoted line (`> /shipshape fix`) is somebody quoting, not asking.
package enum SlashCommandParser {
    package static let prefix = "/shipshape"

    /// The verbs, in the order help lists them.
    package enum Verb: String, Sendable, CaseIterable {
        case fix, recheck, ignore, help
    }

    /// `knownChecks`: the check ids a command may name; names are matched case-insensitively and
    /// returned as the catalogue spells them. `checksDefinedAtRunTime`: other ids are kept as
    /// written, for `resolve` to check once the review knows the repository's custom checks and
    /// Kyverno rules (`kyverno:<policy>/<rule>`).
    package static func parse(_ body: String, knownChecks: Set<String>, checksDefinedAtRunTime: Bool = false)
        -> ParsedComment
    {
        let trimmed = body.drop { $0.isWhitespace }
        let firstLine = trimmed.prefix { !$0.isNewline }
        var words = Words(firstLine)
        guard let first = words.next(), first.lowercased() == prefix else { return .notACommand }
        guard let verbWord = words.next() else { return .command(.help) }
        guard let verb = Verb(rawValue: verbWord.lowercased()) else {
            let suggestion = ClosestMatch.among(
                Verb.allCases.map(\.rawValue), for: String(verbWord), maximumDistance: 2)
            return .unknown(verb: String(verbWord), suggestion: suggestion)
        }
        let canonical = Dictionary(knownChecks.map { ($0.lowercased(), $0) }) { first, _ in first }
        let checkID: (String) -> Result<String, UnknownCheck> = { word in
            if checksDefinedAtRunTime, canonical[word.lowercased()] == nil { return .success(word) }
            return Self.checkID(word, canonical: canonical)
        }
        switch verb {
        case .help:
            return .command(.help)
        case .recheck:
            guard words.rest.isEmpty else {
                return .invalid("`\(prefix) recheck` takes no arguments (got `\(words.rest)`).")
            }
            return .command(.recheck)
        case .fix:
            var ids: [String] = []
            for word in words.rest.split(whereSeparator: { $0.isWhitespace || $0 == "," }) {
                switch checkID(String(word)) {
                case .success(let id): if !ids.contains(id) { ids.append(id) }
                case .failure(let problem): return .invalid(problem.description)
                }
            }
            return .command(.fix(ids))
        case .ignore:
            guard let word = words.next() else {
                return .invalid("`\(prefix) ignore` needs the check to ignore: `\(prefix) ignore CHECK_ID [reason]`.")
            }
            switch checkID(String(word)) {
            case .success(let id):
                let reason = String(words.rest)
                return .command(.ignore(checkID: id, reason: reason.isEmpty ? nil : reason))
            case .failure(let problem):
                return .invalid(problem.description)
            }
        }
    }

    /// A check id no check has, with a did-you-mean when one is close.
    package struct UnknownCheck: Error, Sendable, Equatable, CustomStringConvertible {
        package var description: String
    }

    /// The command with each check id it names spelled as `knownChecks` spells it, or the id no
    /// check has (with a did-you-mean), in the words `parse` would use.
    package static func resolve(_ command: SlashCommand, knownChecks: Set<String>) -> Result<SlashCommand, UnknownCheck>
    {
        let canonical = Dictionary(knownChecks.map { ($0.lowercased(), $0) }) { first, _ in first }
        switch command {
        case .fix(let ids):
            var resolved: [String] = []
            for id in ids {
                switch checkID(id, canonical: canonical) {
                case .success(let known): if !resolved.contains(known) { resolved.append(known) }
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success(.fix(resolved))
        case .ignore(let id, let reason):
            switch checkID(id, canonical: canonical) {
            case .success(let known): return .success(.ignore(checkID: known, reason: reason))
            case .failure(let problem): return .failure(problem)
            }
        case .recheck, .help:
            return .success(command)
        }
    }

    private static func checkID(_ word: String, canonical: [String: String]) -> Result<String, UnknownCheck> {
        if let id = canonical[word.lowercased()] { return .success(id) }
        let suggestion = ClosestMatch.among(canonical.values.sorted(), for: word, maximumDistance: 3)
        return .failure(
            UnknownCheck(
                description: "`\(word)` is not a check id" + (suggestion.map { "; did you mean `\($0)`?" } ?? ".")))
    }
}

/// Whitespace-separated words of one line, and whatever follows the last word taken.
private struct Words {
    private var remaining: Substring

    init(_ line: Substring) { remaining = line }

    mutating func next() -> Substring? {
        remaining = remaining.drop { $0.isWhitespace }
        guard !remaining.isEmpty else { return nil }
        let word = remaining.prefix { !$0.isWhitespace }
        remaining = remaining.dropFirst(word.count)
        return word
    }

    /// The rest of the line, without surrounding whitespace.
    var rest: Substring {
        let start = remaining.drop { $0.isWhitespace }
        var end = start.endIndex
        while end > start.startIndex, start[start.index(before: end)].isWhitespace { end = start.index(before: end) }
        return start[start.startIndex..<end]
    }
}
