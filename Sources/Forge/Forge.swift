/// A forge in the words of the bot. GitHub, Gitea/Forgejo and GitLab sit behind it; where they
/// differ (check runs, resolvable threads, where inline comments may be posted) the
/// `capabilities` say so and the publisher acts on them.
package protocol Forge: Sendable {
    var kind: ForgeKind { get }
    var repository: RepositoryID { get }
    var capabilities: ForgeCapabilities { get }

    /// The login the bot posts as, so it recognises its own comments and ignores its own events.
    func botLogin() async throws -> String
    /// User name and token for Git over HTTPS, when the credentials can serve Git too.
    func gitCredentials() async throws -> (username: String, token: String)?

    /// Where the repository is cloned from over HTTPS, and its default branch.
    func repositoryDetails() async throws -> RepositoryDetails

    func pullRequest(_ number: Int) async throws -> PullRequest
    func changedFiles(of number: Int) async throws -> [ChangedFile]

    /// Posts a review with its inline comments in one go; returns the comments as posted.
    func postReview(on number: Int, _ review: ReviewSubmission) async throws -> [PostedComment]
    /// Every comment on the pull request, conversation and inline, by every author.
    func comments(on number: Int) async throws -> [PostedComment]
    func createComment(on number: Int, body: String) async throws -> PostedComment
    /// Answers `comment` where it was written: in its review thread where the forge threads
    /// inline comments that way (GitHub), in the conversation otherwise.
    func reply(to comment: PostedComment, on number: Int, body: String) async throws -> PostedComment
    func updateComment(_ comment: PostedComment, on number: Int, body: String) async throws
    func deleteComment(_ comment: PostedComment, on number: Int) async throws
    /// Marks an inline comment's thread resolved where the forge can (GitLab); elsewhere the
    /// publisher edits the comment instead.
    func resolve(_ comment: PostedComment, on number: Int) async throws

    /// A check run where the forge has them, a commit status otherwise.
    func publish(_ check: CommitCheck) async throws

    func createPullRequest(_ draft: PullRequestDraft) async throws -> PullRequest
    func updatePullRequest(_ number: Int, title: String?, body: String?) async throws
    /// The open pull request from `head` (a branch of this repository), if there is one.
    func openPullRequest(head: String, base: String?) async throws -> PullRequest?
    /// Every open pull request of this repository whose head branch starts with `headPrefix`
    /// (from this repository, not forks); list entries need not carry the base commit.
    func openPullRequests(headPrefix: String) async throws -> [PullRequest]
    func closePullRequest(_ number: Int) async throws
    /// The most recent pull request from `head` (of this repository) into `base`, whatever its state.
    func latestPullRequest(head: String, base: String) async throws -> PullRequest?
    func addLabels(_ labels: [String], to number: Int) async throws
    func react(_ reaction: Reaction, to comment: PostedComment, on number: Int) async throws
    func permission(of user: String) async throws -> Permission

    /// Issues of this repository (pull requests left out) opened by `author`: the open ones when
    /// `openOnly`, else open and closed. The forge filters by author and state where it can;
    /// callers still compare `author` themselves.
    func issues(openedBy author: String, openOnly: Bool) async throws -> [Issue]
    func createIssue(title: String, body: String) async throws -> Issue
    /// Changes what `edit` names (title, body, open or closed) and nothing else.
    func editIssue(_ number: Int, _ edit: IssueEdit) async throws
}

extension Forge {
    package func reply(to comment: PostedComment, on number: Int, body: String) async throws -> PostedComment {
        try await createComment(on: number, body: body)
    }

    /// The bot's answer to `comment` that carries `marker`, edited in place, or a new one where
    /// `reply(to:on:body:)` puts it.
    @discardableResult
    package func upsertReply(to comment: PostedComment, on number: Int, marker: String, body: String, author: String)
        async throws -> PostedComment
    {
        guard comment.kind == .inline else {
            return try await upsertComment(on: number, marker: marker, body: body, author: author)
        }
        let own = try await comments(on: number).filter { $0.author == author }
        return try await edit(own.first { $0.kind == .inline && $0.body.contains(marker) }, on: number, body: body) {
            try await reply(to: comment, on: number, body: body)
        }
    }

    /// The conversation comment of the bot that carries `marker`, edited in place, or a new one.
    @discardableResult
    package func upsertComment(on number: Int, marker: String, body: String, author: String) async throws
        -> PostedComment
    {
        try await upsertComment(
            on: number, marker: marker, body: body, among: try await comments(on: number).filter { $0.author == author }
        )
    }

    /// The same, among the bot's comments already listed.
    @discardableResult
    package func upsertComment(on number: Int, marker: String, body: String, among own: [PostedComment]) async throws
        -> PostedComment
    {
        try await edit(own.first { $0.kind == .conversation && $0.body.contains(marker) }, on: number, body: body) {
            try await createComment(on: number, body: body)
        }
    }

    /// `existing` given `body` (left alone when it has it already), or what `create` posts.
    private func edit(
        _ existing: PostedComment?, on number: Int, body: String,
        orCreate create: () async throws -> PostedComment
    ) async throws -> PostedComment {
        guard var existing else { return try await create() }
        if existing.body != body { try await updateComment(existing, on: number, body: body) }
        existing.body = body
        return existing
    }
}

extension Forge {
    /// The issue `author` opened that carries `marker`: the open one when there is one, else the
    /// most recent (`openOnly`: only an open one is looked for, and closed ones are not listed).
    /// Another user's issue never counts, whatever its title or body says.
    package func ownIssue(marker: String, author: String, openOnly: Bool = false) async throws -> Issue? {
        let own = try await issues(openedBy: author, openOnly: openOnly).filter {
            $0.author.lowercased() == author.lowercased() && $0.body.contains(marker)
        }
        let open = own.filter(\.isOpen)
        return (open.isEmpty ? own : open).max { $0.number < $1.number }
    }
}
