import Forge

/// Who may run which command: anyone may ask for help or a new review; changing the branch
/// (`fix`, `ignore`) takes write access to the repository, or a place on the configured list.
/// The bot never obeys itself, so its own replies can never start a loop.
package struct CommandAuthorizer: Sendable {
    package enum Decision: Sendable, Equatable {
        case allowed
        /// Why not, in a sentence to put in the reply.
        case refused(String)
    }

    /// Logins allowed to change the branch whatever their permission (compared case-insensitively,
    /// as forges compare logins).
    package let allowedUsers: Set<String>
    private let allowedLogins: Set<String>

    package init(allowedUsers: Set<String> = []) {
        self.allowedUsers = allowedUsers
        allowedLogins = Set(allowedUsers.map { $0.lowercased() })
    }

    /// `stated`: the author's access as the webhook delivery stated it (Gitea computes it for the
    /// commenter, while its permission endpoint answers only admins); nil asks the forge.
    package func authorize(
        _ command: SlashCommand, author: String, stated: Permission? = nil, botLogin: String,
        forge: any Forge
    ) async throws -> Decision {
        if author.lowercased() == botLogin.lowercased() {
            return .refused("Shipshape does not run commands written by itself (\(botLogin)).")
        }
        guard command.changesTheBranch, !allowedLogins.contains(author.lowercased()) else { return .allowed }
        let permission = if let stated { stated } else { try await forge.permission(of: author) }
        if permission.canWrite { return .allowed }
        return .refused(
            "@\(author), `\(SlashCommandParser.prefix) \(command.verb.rawValue)` changes the branch, so it needs write access to "
                + "\(forge.repository) (you have \(permission.name) access)\(whoElse). Ask someone who has it to run the command."
        )
    }

    /// The configured users, for refusals and help.
    var whoElse: String {
        guard !allowedUsers.isEmpty else { return "" }
        return "; these people may run it too: " + allowedUsers.sorted().map { "@\($0)" }.joined(separator: ", ")
    }
}

extension Permission {
    /// The role's name as forges show it.
    var name: String {
        switch self {
        case .none: "no"
        case .read: "read"
        case .triage: "triage"
        case .write: "write"
        case .maintain: "maintain"
        case .admin: "admin"
        }
    }
}

extension SlashCommand {
    package var verb: SlashCommandParser.Verb {
        switch self {
        case .fix: .fix
        case .recheck: .recheck
        case .ignore: .ignore
        case .help: .help
        }
    }
}
