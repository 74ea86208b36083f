import Bot
import Forge
import Foundation
import GitKit
import Policy
import Review
import ShipshapeTesting

/// What the command tests need beyond a review session: comments written by people, the job
/// that answers them, and the served repository's branch as Git sees it.
extension ForgeSession {
    /// A comment written on the pull request through the forge's API with `token`, as that person.
    func comment(_ body: String, token: String) async throws -> PostedComment {
        try await client(authentication: .token(token)).createComment(on: number, body: body)
    }

    func commandJob(with client: any Forge, allowedUsers: Set<String> = []) throws -> CommandJob {
        let engine = ReviewEngine(
            defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations())
        let publisher = ReviewPublisher(forge: client, templates: try CommentTemplates())
        return CommandJob(
            forge: client, mirrors: MirrorCache(directory: cache.path), engine: engine, publisher: publisher,
            authorizer: CommandAuthorizer(allowedUsers: allowedUsers))
    }

    /// Writes `body` as `author` and runs the command job on it.
    func command(_ body: String, as author: String, token: String, client: any Forge) async throws -> (
        PostedComment, CommandOutcome
    ) {
        let posted = try await comment(body, token: token)
        let outcome = try await commandJob(with: client).run(
            number: number, commentID: posted.id, author: author, body: body,
            authorPermission: statedPermission(of: author))
        return (posted, outcome)
    }

    /// What the comment's delivery states of `author`'s access: Gitea states it (its permission
    /// endpoint answers only admins), as write for the stand-in's maintain and read for triage,
    /// which Gitea lacks; the other forges state nothing and are asked.
    func statedPermission(of author: String) -> Permission? {
        guard flavor == .gitea else { return nil }
        return switch forge.state.role(of: author) {
        case "admin": .admin
        case "maintain", "write": .write
        case "triage", "read": .read
        default: Permission.none
        }
    }

    /// `git rev-parse` in the served (bare) repository.
    func served(_ revision: String) throws -> String {
        try scenario.fixture.git("--git-dir", scenario.bare, "rev-parse", revision)
    }

    func servedMessage(_ revision: String) throws -> String {
        try scenario.fixture.git("--git-dir", scenario.bare, "log", "-1", "--format=%B", revision)
    }

    func servedFile(_ path: String, at revision: String = "refs/heads/pr") throws -> String {
        try scenario.fixture.git("--git-dir", scenario.bare, "show", "\(revision):\(path)")
    }

    /// What a forge does on a push it did not see: the work clone takes the served branch, and
    /// the forge's pull request moves to its head (the synchronize event).
    func adoptServedBranch() throws {
        let work = scenario.work
        try scenario.fixture.git("fetch", "-q", "origin", "pr", in: work)
        try scenario.fixture.git("reset", "-q", "--hard", "FETCH_HEAD", in: work)
        let seeded = try scenario.patches().map {
            TestForgeState.SeededFile(path: $0.path, status: $0.status, patch: $0.patch)
        }
        forge.state.push(
            repository: Self.repository, pullRequest: number, headSHA: try served("refs/heads/pr"), files: seeded)
    }

    func reactions(on comment: PostedComment) -> [String] {
        forge.state.reactions(repository: Self.repository, commentID: Int(comment.id) ?? -1)
    }

    func replies() -> [String] {
        conversationComments.compactMap { $0["body"] as? String }.filter {
            $0.hasPrefix("<!-- shipshape:command-reply -->")
        }
    }
}
