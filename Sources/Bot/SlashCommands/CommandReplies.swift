import Forge

/// The bot's answers to commands, written from `templates/command-reply.mustache` and
/// `templates/help.mustache`. Every answer starts with a hidden marker, so its first line is
/// never read as a command.
struct CommandReplies: Sendable {
    static let marker = "<!-- shipshape:command-reply -->"

    /// Which command comment a reply answers.
    static func replyMarker(_ commentID: String) -> String { "<!-- shipshape:reply-to \(commentID) -->" }

    let templates: CommentTemplates
    let forge: any Forge
    let authorizer: CommandAuthorizer

    /// The help, after what was wrong with the command (if anything) and the command it probably meant.
    func help(problem: String? = nil, suggestion: String? = nil) -> String {
        let writers = "write access to \(forge.repository)" + authorizer.whoElse
        let commands: [[String: Any]] = SlashCommandParser.Verb.allCases.map { verb in
            [
                "usage": verb.usage, "summary": verb.summary,
                "who": verb.changesTheBranch ? "people with \(writers)" : "anyone",
            ]
        }
        return templates.render(
            .help,
            [
                "marker": Self.marker,
                "hasProblem": problem != nil, "problem": problem ?? "",
                "hasSuggestion": suggestion != nil, "suggestion": suggestion ?? "",
                "changeRequest": forge.kind.changeRequestName,
                "commands": commands,
            ])
    }

    func reply(
        _ icon: String, _ headline: String, changes: [String] = [], skipped: [String] = [], diff: String? = nil,
        note: String? = nil
    ) -> String {
        templates.render(
            .commandReply,
            [
                "marker": Self.marker,
                "icon": icon, "headline": headline,
                "hasChanges": !changes.isEmpty, "changes": changes.map(Self.withCodeID),
                "hasSkipped": !skipped.isEmpty, "skipped": skipped.map(Self.withCodeID),
                "hasDiff": diff != nil, "diff": diff ?? "",
                "hasNote": note != nil, "note": note ?? "",
            ])
    }

    /// `runAsPrivileged: web.yaml:20 — reason` with the check id as code.
    static func withCodeID(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        return "`\(line[..<colon])`\(line[colon...])"
    }
}
