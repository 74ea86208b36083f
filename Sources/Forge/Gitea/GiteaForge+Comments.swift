import Foundation
import HTTPKit
import JSONKit

/// Reviews and comments. Gitea keeps review comments in the same table as conversation comments,
/// so the issue-comment endpoints edit and react to both; deleting and resolving a single review
/// comment has no endpoint.
extension GiteaForge {
    /// One review with event COMMENT. Multi-line comments do not exist on Gitea: each comment is
    /// anchored on the last line of its range (`line`), its body (a suggestion too) kept as given.
    package func postReview(on number: Int, _ review: ReviewSubmission) async throws -> [PostedComment] {
        guard !review.body.isEmpty || !review.comments.isEmpty else { return [] }
        let comments: [JSONValue] = review.comments.map { comment in
            [
                "path": .string(comment.path), "body": .string(comment.body), "new_position": JSONValue(comment.line),
                "old_position": 0,
            ]
        }
        let body: JSONValue = [
            "body": .string(review.body), "commit_id": .string(review.commitSHA), "event": "COMMENT",
            "comments": .array(comments),
        ]
        let reviewID = try await api.send(
            .post, "\(repo)/pulls/\(number)/reviews", body: body, as: GiteaAnswers.Review.self
        ).id
        return try await reviewComments(on: number, reviewID: reviewID)
    }

    /// The conversation comments, then the comments of every submitted review that has any
    /// (pending reviews are drafts; another user's are not readable). Gitea's reviews list sends
    /// no `Link` header, so it is read by page number.
    package func comments(on number: Int) async throws -> [PostedComment] {
        let conversation = try await list("\(repo)/issues/\(number)/comments", of: GitHubShapedAnswers.Comment.self)
            .map(
                GiteaPayloads.conversationComment)
        var inline: [PostedComment] = []
        let reviews = try await api.getAllByPageNumber(
            "\(repo)/pulls/\(number)/reviews", pageSize: Self.pageSize, of: GiteaAnswers.Review.self)
        for review in reviews where review.state != "PENDING" && review.commentsCount != 0 {
            inline += try await reviewComments(on: number, reviewID: review.id)
        }
        return conversation + inline
    }

    private func reviewComments(on number: Int, reviewID: Int) async throws -> [PostedComment] {
        try await list("\(repo)/pulls/\(number)/reviews/\(reviewID)/comments", of: GiteaAnswers.ReviewComment.self)
            .map { GiteaPayloads.reviewComment($0, reviewID: reviewID) }
    }

    package func createComment(on number: Int, body: String) async throws -> PostedComment {
        GiteaPayloads.conversationComment(
            try await api.send(
                .post, "\(repo)/issues/\(number)/comments", body: ["body": .string(body)],
                as: GitHubShapedAnswers.Comment.self
            ))
    }

    /// PATCH …/issues/comments/{id} edits review comments too: Gitea accepts every comment type
    /// with content (comment, code comment, review). Older Gitea answers 204 without editing
    /// anything but plain comments, which is reported rather than taken for success.
    package func updateComment(_ comment: PostedComment, on number: Int, body: String) async throws {
        let path = "\(repo)/issues/comments/\(ForgeAPI.segment(comment.id))"
        let edited = try await api.send(.patch, path, body: ["body": .string(body)])
        if edited.isEmpty {
            throw ForgeError.unsupported(
                "editing \(comment.kind.rawValue) comment \(comment.id) on pull request \(number) of \(repository): "
                    + "PATCH \(path) answered without editing it (older Gitea versions edit only conversation comments)"
            )
        }
    }

    package func deleteComment(_ comment: PostedComment, on number: Int) async throws {
        guard comment.kind == .conversation else {
            throw ForgeError.unsupported(
                "deleting review comment \(comment.id) on pull request \(number) of \(repository): "
                    + "Gitea's API has no endpoint for one review comment (edit it instead)")
        }
        try await api.send(.delete, "\(repo)/issues/comments/\(ForgeAPI.segment(comment.id))")
    }

    package func resolve(_ comment: PostedComment, on number: Int) async throws {
        throw ForgeError.unsupported(
            "resolving review comment \(comment.id) on pull request \(number) of \(repository): "
                + "Gitea's API cannot resolve a conversation (edit the comment instead)")
    }

    /// Works for review comments too: Gitea's reaction endpoint does not look at the comment type.
    package func react(_ reaction: Reaction, to comment: PostedComment, on number: Int) async throws {
        try await api.send(
            .post, "\(repo)/issues/comments/\(ForgeAPI.segment(comment.id))/reactions",
            body: ["content": .string(reaction.rawValue)])
    }

    /// A list endpoint that Gitea answers in one response (no page parameters in its Swagger).
    /// An empty answer (or `null`) is an empty list.
    private func list<Item: Decodable>(_ path: String, of item: Item.Type) async throws -> [Item] {
        let answer = try await api.send(.get, path)
        if answer.isEmpty { return [] }
        return try api.decode([Item]?.self, from: answer, method: "GET", path: path) ?? []
    }
}
