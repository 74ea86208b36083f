/// A command given in a pull-request comment, Atlantis-style: `/shipshape <verb> ...` on the
/// first line, case-insensitive.
package enum SlashCommand: Sendable, Equatable {
    /// Commit the fixes of these checks (all automatic fixes when empty) for findings on changed lines.
    case fix([String])
    /// Review again now.
    case recheck
    /// Add the exemption annotation for a check to the objects its findings are on, with the reason.
    case ignore(checkID: String, reason: String?)
    case help

    /// Only people with write permission (or listed in the configuration) may change the branch.
    package var changesTheBranch: Bool {
        switch self {
        case .fix, .ignore: true
        case .recheck, .help: false
        }
    }
}
