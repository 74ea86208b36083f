/// The deliveries GitHub and Gitea/Forgejo shape alike (Gitea copies GitHub's `pull_request`,
/// `issue_comment` and `push` payloads), holding exactly the fields the bot reads. Optional fields
/// are the ones a forge leaves out with a meaning of its own, said where they are.
enum GitHubShapedDeliveries {
    struct Repository: Decodable {
        var fullName: RepositoryPath
        /// Sent in push deliveries; without it a push is not taken for one to the default branch.
        var defaultBranch: String?
        /// Gitea only: the commenter's access, where it computes it (`GiteaWebhookEvents.senderPermission`).
        var permissions: Permissions?

        enum CodingKeys: String, CodingKey {
            case fullName = "full_name"
            case defaultBranch = "default_branch"
            case permissions
        }
    }

    /// All three or none: a statement with one missing states nothing.
    struct Permissions: Decodable {
        var admin: Bool?
        var push: Bool?
        var pull: Bool?
    }

    struct User: Decodable {
        var login: String
        /// GitHub's `Bot` or `User`; Gitea sends none.
        var type: String?
    }

    struct PullRequestDelivery: Decodable {
        struct PullRequest: Decodable {
            struct Head: Decodable { var sha: String }
            var number: Int
            var head: Head
            /// Gitea versions before drafts were sent leave it out: those pull requests are not drafts.
            var draft: Bool?
        }
        var action: String
        var repository: Repository
        var pullRequest: PullRequest

        enum CodingKeys: String, CodingKey {
            case action, repository
            case pullRequest = "pull_request"
        }
    }

    /// A comment on an issue or pull request (GitHub and Gitea `issue_comment`) or on a diff line
    /// (GitHub `pull_request_review_comment`, with `pull_request`).
    struct CommentDelivery: Decodable {
        struct Issue: Decodable {
            /// Present (whatever it holds) when the issue is a pull request.
            struct PullRequestMark: Decodable {}
            var number: Int
            var pullRequest: PullRequestMark?

            enum CodingKeys: String, CodingKey {
                case number
                case pullRequest = "pull_request"
            }
        }
        struct PullRequest: Decodable { var number: Int }
        struct Comment: Decodable {
            var id: ForgeID
            var body: String
            var user: User
        }
        var action: String
        var repository: Repository
        var comment: Comment
        var issue: Issue?
        var pullRequest: PullRequest?
        /// Gitea: whether the issue commented on is a pull request.
        var isPull: Bool?
        var sender: User?

        enum CodingKeys: String, CodingKey {
            case action, repository, comment, issue, sender
            case pullRequest = "pull_request"
            case isPull = "is_pull"
        }
    }

    struct PushDelivery: Decodable {
        var ref: String
        var after: String
        var repository: Repository
    }
}

extension GitHubShapedDeliveries.PullRequestDelivery {
    /// Drafts are decoded like any other pull request: whether to review them is the server's choice.
    func event(_ name: String, actions: [String: PullRequestEvent.Action]) -> WebhookEvent {
        guard let mapped = actions[action] else { return .ignored("\(name) \(action)") }
        return .pullRequest(
            PullRequestEvent(
                repository: repository.fullName.id, number: pullRequest.number, action: mapped,
                headSHA: pullRequest.head.sha, isDraft: pullRequest.draft == true))
    }
}

extension GitHubShapedDeliveries.CommentDelivery {
    /// A comment on pull request `number`: by a bot when its login ends in `[bot]` or the forge
    /// marked the user as one (GitHub's `type: Bot`).
    func event(number: Int, kind: PostedComment.Kind) -> CommentEvent {
        let login = comment.user.login
        return CommentEvent(
            repository: repository.fullName.id, number: number, commentID: comment.id.text, kind: kind, author: login,
            authorIsBot: comment.user.type == "Bot" || login.hasSuffix("[bot]"), body: comment.body)
    }
}

extension GitHubShapedDeliveries.PushDelivery {
    var event: WebhookEvent {
        .push(
            repository: repository.fullName.id, ref: ref, after: after,
            isDefaultBranch: repository.defaultBranch.map { ref == "refs/heads/" + $0 } == true)
    }
}
