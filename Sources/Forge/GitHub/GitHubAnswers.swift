/// GitHub's REST answers, holding exactly the fields the bot reads (docs.github.com/en/rest).
enum GitHubAnswers {
    /// apps/get-authenticated: the App's comments are by `<slug>[bot]`.
    struct App: Decodable { var slug: String }

    /// A review comment: on `line`, or `original_line` once the line is outdated (then `line` is null).
    struct ReviewComment: Decodable {
        var id: ForgeID
        var body: String
        var user: GitHubShapedAnswers.User
        var path: String
        var line: Int?
        var originalLine: Int?
        /// Null for a comment not made in a review.
        var pullRequestReviewID: ForgeID?

        enum CodingKeys: String, CodingKey {
            case id, body, user, path, line
            case originalLine = "original_line"
            case pullRequestReviewID = "pull_request_review_id"
        }
    }

    /// What creating something answers with, of which only the id is read.
    struct Created: Decodable { var id: Int }

    /// checks/list-for-ref.
    struct CheckRuns: Decodable {
        struct Run: Decodable {
            struct Output: Decodable {
                var annotationsCount: Int
                enum CodingKeys: String, CodingKey { case annotationsCount = "annotations_count" }
            }
            var id: Int
            var name: String
            var output: Output
        }
        var checkRuns: [Run]
        enum CodingKeys: String, CodingKey { case checkRuns = "check_runs" }
    }

    /// collaborators/get-permission-level: `permission` is the base role, `role_name` the role itself.
    struct CollaboratorPermission: Decodable {
        var permission: String
        /// Older GitHub Enterprise versions do not send it: maintain and triage then read as write and read.
        var roleName: String?
        enum CodingKeys: String, CodingKey {
            case permission
            case roleName = "role_name"
        }
    }

    /// apps/create-installation-access-token.
    struct InstallationToken: Decodable {
        var token: String
        var expiresAt: String
        enum CodingKeys: String, CodingKey {
            case token
            case expiresAt = "expires_at"
        }
    }

    /// A GraphQL answer: `data`, or `errors` (sent with status 200).
    struct GraphQL<Answer: Decodable>: Decodable {
        struct Message: Decodable { var message: String }
        var data: Answer?
        var errors: [Message]?
    }

    /// The review threads of one page of `reviewThreads`.
    struct ReviewThreads: Decodable {
        struct Repository: Decodable { var pullRequest: PullRequest }
        struct PullRequest: Decodable { var reviewThreads: Connection }
        struct Connection: Decodable {
            struct PageInfo: Decodable {
                var hasNextPage: Bool
                var endCursor: String?
            }
            struct Thread: Decodable {
                struct Comments: Decodable { var nodes: [Comment] }
                struct Comment: Decodable { var databaseId: ForgeID }
                var id: String
                var isResolved: Bool
                var comments: Comments
            }
            var pageInfo: PageInfo
            var nodes: [Thread]
        }
        var repository: Repository
    }
}
