import Foundation

/// The conversation of a pull request (Gitea issue comments, unpaginated as in Gitea's API),
/// reactions on those comments, and labels.
enum GiteaIssues {
    static let reactionContents = ["+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"]

    static func listComments(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("index"))
        var comments = store.comments(pull.repository, pull.number, kind: .conversation)
        if let since = call.string("since") { comments = comments.filter { $0.updatedAt >= since } }
        if let before = call.string("before") { comments = comments.filter { $0.updatedAt < before } }
        return .json(200, comments.map(GiteaJSON(store: store).comment))
    }

    static func createComment(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("index"))
        let body = try call.requireString("body", message: "[Body]: Required")
        let comment = StoredComment(
            id: store.nextID(.issueComment), kind: .conversation, repository: pull.repository,
            pullRequest: pull.number, author: call.user.login, body: body, createdAt: store.now(), anchor: nil)
        store.comments.append(comment)
        return .json(201, GiteaJSON(store: store).comment(comment))
    }

    static func getComment(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        .json(
            200,
            GiteaJSON(store: store).comment(
                try store.comment(call.repositoryName, id: try call.number("id"), kind: .conversation)))
    }

    /// Gitea keeps code comments in the issue-comment table, and this endpoint edits them too
    /// (`editIssueComment` accepts every type with content, `CommentTypeCode` included).
    static func editComment(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let id = try call.number("id")
        let comment =
            try (try? store.comment(call.repositoryName, id: id, kind: .inline)).map { code in
                guard code.author == call.user.login || call.user.has(atLeast: "admin") else {
                    throw APIFailure.forbidden("Forbidden")
                }
                return code
            } ?? ownComment(store, call)
        comment.body = try call.requireString("body", message: "[Body]: Required")
        comment.updatedAt = store.now()
        return .json(200, GiteaJSON(store: store).comment(comment))
    }

    static func deleteComment(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try ownComment(store, call)
        store.comments.removeAll { $0 === comment }
        return ServedResponse(status: 204)
    }

    static func reactions(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try store.comment(call.repositoryName, id: try call.number("id"), kind: .conversation)
        let json = GiteaJSON(store: store)
        return .json(
            200,
            comment.reactions.map {
                ["user": json.user($0.user), "content": $0.content, "created_at": comment.updatedAt] as [String: Any]
            })
    }

    static func addReaction(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try store.comment(call.repositoryName, id: try call.number("id"), kind: .conversation)
        guard let content = call.string("content"), reactionContents.contains(content) else {
            throw APIFailure.forbidden("'\(call.string("content") ?? "")' is not an allowed reaction")
        }
        let reaction: [String: Any] = [
            "user": GiteaJSON(store: store).user(call.user.login), "content": content, "created_at": store.now(),
        ]
        if comment.reactions.contains(where: { $0.user == call.user.login && $0.content == content }) {
            return .json(200, reaction)
        }
        comment.reactions.append((call.user.login, content, store.nextID(.reaction)))
        return .json(201, reaction)
    }

    static func removeReaction(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try store.comment(call.repositoryName, id: try call.number("id"), kind: .conversation)
        let content = call.string("content") ?? ""
        comment.reactions.removeAll { $0.user == call.user.login && $0.content == content }
        return ServedResponse(status: 204)
    }

    /// `labels` holds label ids or label names (IssueLabelsOption); names are created when missing.
    static func addLabels(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("index"))
        try call.require("write", message: "user should have permission to write issues")
        let added = try labels(call.arguments["labels"] as? [Any] ?? [], repository: pull.repository, store: store)
        for label in added where !pull.labels.contains(label.name) { pull.labels.append(label.name) }
        let json = GiteaJSON(store: store)
        return .json(200, pull.labels.map { json.label(store.label(pull.repository, named: $0)) })
    }

    static func labels(_ entries: [Any], repository: String, store: ForgeStore) throws -> [StoredLabel] {
        try entries.map { entry in
            if let name = entry as? String, Int(name) == nil { return store.label(repository, named: name) }
            guard let id = ForgeCall.integer(entry),
                let label = store.labels.first(where: { $0.id == id && $0.repository == repository })
            else {
                throw APIFailure.unprocessable("label does not exist [label_id: \(entry)]")
            }
            return label
        }
    }

    private static func ownComment(_ store: ForgeStore, _ call: ForgeCall) throws -> StoredComment {
        let comment = try store.comment(call.repositoryName, id: try call.number("id"), kind: .conversation)
        guard comment.author == call.user.login || call.user.has(atLeast: "admin") else {
            throw APIFailure.forbidden("Forbidden")
        }
        return comment
    }
}
