/// The answers Gitea copies from GitHub's shape (a user, a changed file, a conversation comment, a repository);
/// one model serves both, and each forge reads the values in its own words (`status` names differ).
enum GitHubShapedAnswers {
    struct User: Decodable { var login: String }

    /// `previous_filename` is sent for renames only (Gitea: omitempty; an empty one means none too).
    struct ChangedFile: Decodable {
        var filename: String
        var status: String
        var previousFilename: String?

        enum CodingKeys: String, CodingKey {
            case filename, status
            case previousFilename = "previous_filename"
        }
    }

    /// An issue (conversation) comment.
    struct Comment: Decodable {
        var id: ForgeID
        var body: String
        var user: User
    }

    /// A repository's clone URL and default branch.
    struct Repository: Decodable {
        var cloneURL: String
        var defaultBranch: String

        enum CodingKeys: String, CodingKey {
            case cloneURL = "clone_url"
            case defaultBranch = "default_branch"
        }

        var details: RepositoryDetails { RepositoryDetails(cloneURL: cloneURL, defaultBranch: defaultBranch) }
    }

    /// An issue; GitHub lists pull requests among issues too, with a `pull_request` object (Gitea
    /// sends it null on issues). GitHub's `body` is null when the issue has none.
    struct IssueAnswer: Decodable {
        var number: Int
        var title: String
        var body: String?
        var user: User
        var state: String
        /// Present for a pull request; its fields are not read.
        var pullRequest: Ignored?

        enum CodingKeys: String, CodingKey {
            case number, title, body, user, state
            case pullRequest = "pull_request"
        }

        var isPullRequest: Bool { pullRequest != nil }

        var issue: Issue {
            Issue(number: number, title: title, body: body ?? "", author: user.login, isOpen: state == "open")
        }
    }

}
