extension SlashCommandParser.Verb {
    /// How the command is written, for the help table.
    package var usage: String {
        switch self {
        case .fix: "\(SlashCommandParser.prefix) fix [CHECK_ID...]"
        case .recheck: "\(SlashCommandParser.prefix) recheck"
        case .ignore: "\(SlashCommandParser.prefix) ignore CHECK_ID [reason...]"
        case .help: "\(SlashCommandParser.prefix) help"
        }
    }

    /// What the command does, in one sentence.
    package var summary: String {
        switch self {
        case .fix:
            "Commits the automatic fixes for the findings on the lines this change touches: every fix that applies by default, or those of the checks named."
        case .recheck: "Reviews the change again now."
        case .ignore:
            "Exempts the objects with findings of the check on changed lines, with the annotation `shipshape.dev/CHECK_ID-exempt: \"reason\"`."
        case .help: "Shows this help."
        }
    }

    /// Whether running it takes write access (or a place in the configuration's list).
    package var changesTheBranch: Bool { self == .fix || self == .ignore }
}
