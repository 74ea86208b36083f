/// Gitea's REST answers, holding exactly the fields the bot reads, shaped by the Swagger
/// definitions PullReview, PullReviewComment and RepoCollaboratorPermission.
enum GiteaAnswers {
    struct Review: Decodable {
        var id: Int
        var state: String
        var commentsCount: Int

        enum CodingKeys: String, CodingKey {
            case id, state
            case commentsCount = "comments_count"
        }
    }

    /// `position` is the new-side line, `original_position` the old-side one (the other is 0);
    /// a comment is resolved when it has a `resolver`.
    struct ReviewComment: Decodable {
        struct Resolver: Decodable {}
        var id: ForgeID
        var body: String
        var user: GitHubShapedAnswers.User
        var path: String
        var position: Int?
        var originalPosition: Int?
        var resolver: Resolver?

        enum CodingKeys: String, CodingKey {
            case id, body, user, path, position, resolver
            case originalPosition = "original_position"
        }
    }

    struct CollaboratorPermission: Decodable {
        var permission: String
    }
}
