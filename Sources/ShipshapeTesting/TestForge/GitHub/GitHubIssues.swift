import Foundation

/// The pull request's conversation (issue comments in GitHub's model), reactions on comments,
/// and labels.
enum GitHubIssues {
    static let reactionContents = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"]

    static func listComments(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        var comments = store.comments(pull.repository, pull.number, kind: .conversation)
        if let since = call.string("since") { comments = comments.filter { $0.updatedAt >= since } }
        let json = GitHubJSON(store: store)
        return Pagination.github.respond(comments.map(json.issueComment), to: call, baseURL: store.linkBaseURL)
    }

    static func createComment(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        let body = try validBody(call)
        let comment = StoredComment(
            id: store.nextID(.issueComment), kind: .conversation, repository: pull.repository,
            pullRequest: pull.number, author: call.user.login, body: body, createdAt: store.now(), anchor: nil)
        store.comments.append(comment)
        let json = GitHubJSON(store: store).issueComment(comment)
        return .json(201, json, headers: [("Location", json["url"] as? String ?? "")])
    }

    static func updateComment(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try ownComment(store, call)
        comment.body = try validBody(call)
        comment.updatedAt = store.now()
        return .json(200, GitHubJSON(store: store).issueComment(comment))
    }

    static func deleteComment(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try ownComment(store, call)
        store.comments.removeAll { $0 === comment }
        return ServedResponse(status: 204)
    }

    /// Reactions on a conversation comment (…/issues/comments/{id}/reactions) or on a review
    /// comment (…/pulls/comments/{id}/reactions, GitHub's "Create reaction for a pull request
    /// review comment"); each endpoint knows only its own kind of comment and answers 404 to the other.
    static func createReaction(on kind: StoredComment.Kind) -> ForgeRoute.Handler {
        { store, call in try createReaction(store, call, kind: kind) }
    }

    private static func createReaction(_ store: ForgeStore, _ call: ForgeCall, kind: StoredComment.Kind) throws
        -> ServedResponse
    {
        let comment = try store.comment(call.repositoryName, id: try call.number("comment"), kind: kind)
        guard let content = call.string("content"), reactionContents.contains(content) else {
            throw APIFailure.unprocessable(
                "Validation Failed", errors: [["resource": "Reaction", "code": "invalid", "field": "content"]])
        }
        let json = GitHubJSON(store: store)
        let render = { (id: Int, user: String) -> [String: Any] in
            [
                "id": id, "node_id": json.nodeID("Reaction", id), "user": json.user(user), "content": content,
                "created_at": comment.updatedAt,
            ]
        }
        if let existing = comment.reactions.first(where: { $0.user == call.user.login && $0.content == content }) {
            return .json(200, render(existing.id, existing.user))
        }
        let id = store.nextID(.reaction)
        comment.reactions.append((call.user.login, content, id))
        return .json(201, render(id, call.user.login))
    }

    static func addLabels(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        try call.require("triage", message: "Resource not accessible by integration")
        guard let entries = call.arguments["labels"] as? [Any] else {
            throw APIFailure.unprocessable("Invalid request.\n\nNo subschema in \"anyOf\" matched.")
        }
        for entry in entries {
            guard let name = (entry as? String) ?? ((entry as? [String: Any])?["name"] as? String), !name.isEmpty else {
                throw APIFailure.unprocessable(
                    "Validation Failed", errors: [["resource": "Label", "code": "invalid", "field": "name"]])
            }
            if !pull.labels.contains(name) { pull.labels.append(name) }
        }
        let json = GitHubJSON(store: store)
        return .json(200, pull.labels.map { json.label($0, repository: pull.repository) })
    }

    private static func validBody(_ call: ForgeCall) throws -> String {
        let body = try call.requireString("body", message: "Validation Failed")
        guard body.unicodeScalars.count <= GitHubReviews.maximumBodyLength else {
            throw APIFailure.unprocessable(
                "Validation Failed",
                errors: [
                    [
                        "resource": "IssueComment", "code": "unprocessable", "field": "data",
                        "message": "Body is too long (maximum is \(GitHubReviews.maximumBodyLength) characters)",
                    ]
                ])
        }
        return body
    }

    private static func ownComment(_ store: ForgeStore, _ call: ForgeCall) throws -> StoredComment {
        let comment = try store.comment(call.repositoryName, id: try call.number("comment"), kind: .conversation)
        guard comment.author == call.user.login || call.user.has(atLeast: "write") else {
            throw APIFailure.forbidden("Resource not accessible by integration")
        }
        return comment
    }
}
