import Diffs
import Forge
import GitKit
import Policy
import Review

/// One slash command, start to end: read the comment, acknowledge it with 👀, check that its
/// author may run it, do it, and answer with 🚀 (done) or 😕 (refused, not understood, failed)
/// and a reply saying what happened.
///
/// Errors: what the command itself cannot get past (the branch moved under it, the forge refused
/// the push, nothing could be fixed) is an outcome, `.failed`, with a reply; running it again
/// would not help without a person. Any other error (the forge or the Git server failing) gets
/// 😕 and a reply too, and is then rethrown unchanged, so the job system can retry it.
package struct CommandJob: Sendable {
    /// Who the bot's commits are by, unless configured otherwise.
    package static let defaultCommitter = Signature(name: "Shipshape", email: "bot@shipshape.dev")

    package let forge: any Forge
    package let mirrors: MirrorCache
    package let engine: ReviewEngine
    package let publisher: ReviewPublisher
    package let authorizer: CommandAuthorizer
    package let committer: Signature
    package let filter: DiffFilter.Mode

    package init(
        forge: any Forge, mirrors: MirrorCache, engine: ReviewEngine, publisher: ReviewPublisher,
        authorizer: CommandAuthorizer = CommandAuthorizer(), committer: Signature = CommandJob.defaultCommitter,
        filter: DiffFilter.Mode = .added
    ) {
        self.forge = forge
        self.mirrors = mirrors
        self.engine = engine
        self.publisher = publisher
        self.authorizer = authorizer
        self.committer = committer
        self.filter = filter
    }

    /// What to answer: the reaction, the reply's body, and the outcome.
    struct Answer {
        var reaction: Reaction
        var body: String
        var result: CommandOutcome.Result
        var changes: [String] = []
    }

    var replies: CommandReplies { CommandReplies(templates: publisher.templates, forge: forge, authorizer: authorizer) }

    /// `commentKind`: `.inline` for a command written in a review thread, whose reactions and
    /// reply go to that thread. `authorPermission`: the author's access as the delivery stated it
    /// (Gitea), nil to ask the forge.
    package func run(
        number: Int, commentID: String, commentKind: PostedComment.Kind = .conversation, author: String,
        body: String, authorPermission: Permission? = nil
    ) async throws -> CommandOutcome {
        // Custom checks and Kyverno rules are known once the review has read the repository.
        let parsed = SlashCommandParser.parse(body, knownChecks: Catalogue.ids, checksDefinedAtRunTime: true)
        if parsed == .notACommand { return CommandOutcome(result: .ignored, reply: nil) }
        let bot = try await forge.botLogin()
        // The bot never answers itself: no reaction, no reply, so no loop.
        if author.lowercased() == bot.lowercased() { return CommandOutcome(result: .ignored, reply: nil) }
        let comment = PostedComment(id: commentID, kind: commentKind, body: body, author: author)
        try await forge.react(.eyes, to: comment, on: number)
        CrashPoint.commandAcknowledged.reached()
        let answer: Answer
        do {
            answer = try await self.answer(
                parsed, number: number, commentID: commentID, author: author, stated: authorPermission, bot: bot)
        } catch {
            let what = parsed.commandText.map { "`\($0)`" } ?? "the command"
            let text = replies.reply(
                "😕", "Shipshape could not finish \(what) on \(reference(number)): \(error)",
                note:
                    "Nothing was pushed. The job is retried when the failure looks temporary; otherwise ask again later."
            )
            try? await forge.react(.confused, to: comment, on: number)
            _ = try? await postReply(text, to: comment, on: number, bot: bot)
            throw error
        }
        try await forge.react(answer.reaction, to: comment, on: number)
        CrashPoint.commandReacted.reached()
        let reply = try await postReply(answer.body, to: comment, on: number, bot: bot)
        return CommandOutcome(result: answer.result, reply: reply, changes: answer.changes)
    }

    /// One reply per command comment, edited in place: a retried job (after a failure, a crash)
    /// replaces its earlier answer instead of adding another.
    private func postReply(_ body: String, to comment: PostedComment, on number: Int, bot: String) async throws
        -> PostedComment
    {
        let key = CommandReplies.replyMarker(comment.id)
        return try await forge.upsertReply(to: comment, on: number, marker: key, body: body + "\n" + key, author: bot)
    }

    private func answer(
        _ parsed: ParsedComment, number: Int, commentID: String, author: String, stated: Permission?, bot: String
    ) async throws -> Answer {
        switch parsed {
        case .notACommand:
            return Answer(reaction: .confused, body: replies.help(), result: .ignored)
        case .unknown(let verb, let suggestion):
            let problem = "`\(SlashCommandParser.prefix) \(verb)` is not a Shipshape command."
            return Answer(
                reaction: .confused,
                body: replies.help(
                    problem: problem, suggestion: suggestion.map { "\(SlashCommandParser.prefix) \($0)" }),
                result: .answered)
        case .invalid(let problem):
            return Answer(reaction: .confused, body: replies.help(problem: problem), result: .answered)
        case .command(let command):
            if case .refused(let why) = try await authorizer.authorize(
                command, author: author, stated: stated, botLogin: bot, forge: forge)
            {
                return Answer(reaction: .confused, body: replies.reply("🚫", why), result: .refused)
            }
            switch command {
            case .help:
                return Answer(reaction: .rocket, body: replies.help(), result: .answered)
            case .recheck:
                return try await recheck(number)
            case .fix, .ignore:
                return try await changeBranch(command, number: number, commentID: commentID, author: author)
            }
        }
    }

    private func recheck(_ number: Int) async throws -> Answer {
        let review = PullRequestReview(
            forge: forge, mirrors: mirrors, engine: engine, publisher: publisher, filter: filter)
        let result = try await review.run(number: number, dryRun: false)
        let count = result.review.comments.count
        let headline =
            "Reviewed `\(result.review.head.prefix(7))` again: \(count) finding\(count == 1 ? "" : "s") on the changed lines."
        return Answer(
            reaction: .rocket, body: replies.reply("🔁", headline, note: "The summary comment is up to date."),
            result: .reviewed)
    }

    /// `#12` on GitHub and Gitea, `!12` on GitLab.
    func reference(_ number: Int) -> String { forge.kind.changeRequestReference(number) }
}

extension ParsedComment {
    /// `/shipshape fix`, for replies about the command.
    var commandText: String? {
        guard case .command(let command) = self else { return nil }
        return "\(SlashCommandParser.prefix) \(command.verb.rawValue)"
    }
}
