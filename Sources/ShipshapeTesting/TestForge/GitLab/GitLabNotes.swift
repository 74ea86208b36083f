import Foundation

/// Merge request notes (the conversation), their edits and award emoji.
enum GitLabNotes {
    /// GitLab refuses notes longer than this.
    static let maximumBodyLength = 1_000_000

    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try call.mergeRequest(store)
        var notes = store.comments.filter { $0.repository == pull.repository && $0.pullRequest == pull.number }
        if call.string("sort") != "asc" { notes.reverse() }
        let json = GitLabJSON(store: store)
        return Pagination.gitlab.respond(
            notes.map { json.note($0, includePosition: false) }, to: call, baseURL: store.linkBaseURL)
    }

    static func get(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        .json(200, GitLabJSON(store: store).note(try note(store, call)))
    }

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try call.mergeRequest(store)
        let body = try validBody(call)
        let comment = StoredComment(
            id: store.nextID(.issueComment), kind: .conversation, repository: pull.repository,
            pullRequest: pull.number, author: call.user.login, body: body, createdAt: store.now(), anchor: nil)
        comment.discussionID = stableHexID("discussion:\(comment.id)")
        store.comments.append(comment)
        return .json(201, GitLabJSON(store: store).note(comment))
    }

    static func update(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try note(store, call)
        guard comment.author == call.user.login else { throw APIFailure.forbidden("403 Forbidden") }
        if call.string("body") != nil {
            comment.body = try validBody(call)
            comment.updatedAt = store.now()
        }
        if let resolved = call.bool("resolved") {
            try GitLabDiscussions.setResolved(resolved, on: [comment], by: call.user, store: store)
        }
        return .json(200, GitLabJSON(store: store).note(comment))
    }

    static func delete(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try note(store, call)
        guard comment.author == call.user.login || call.user.has(atLeast: "maintain") else {
            throw APIFailure.forbidden("403 Forbidden")
        }
        store.comments.removeAll { $0 === comment }
        return ServedResponse(status: 204)
    }

    static func awards(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try note(store, call)
        return Pagination.gitlab.respond(
            comment.reactions.map { award($0, on: comment, store: store) }, to: call, baseURL: store.linkBaseURL)
    }

    static func award(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try note(store, call)
        let name = try call.requireString("name", message: "name is missing", status: 400)
        guard !comment.reactions.contains(where: { $0.user == call.user.login && $0.content == name }) else {
            throw APIFailure.notFound("Award Emoji Name has already been taken")
        }
        let reaction = (user: call.user.login, content: name, id: store.nextID(.reaction))
        comment.reactions.append(reaction)
        return .json(201, award(reaction, on: comment, store: store))
    }

    private static func award(
        _ reaction: (user: String, content: String, id: Int), on comment: StoredComment, store: ForgeStore
    ) -> [String: Any] {
        [
            "id": reaction.id, "name": reaction.content, "user": GitLabJSON(store: store).user(reaction.user),
            "created_at": comment.updatedAt,
            "updated_at": comment.updatedAt, "awardable_id": comment.id, "awardable_type": "Note",
        ]
    }

    static func validBody(_ call: ForgeCall) throws -> String {
        let body = try call.requireString("body", message: "body is missing", status: 400)
        guard body.unicodeScalars.count <= maximumBodyLength else {
            throw APIFailure(
                status: 400, message: "",
                errors: [["note": ["is too long (maximum is \(maximumBodyLength) characters)"]]])
        }
        return body
    }

    private static func note(_ store: ForgeStore, _ call: ForgeCall) throws -> StoredComment {
        let pull = try call.mergeRequest(store)
        let id = try call.number("note")
        guard
            let comment = store.comments.first(where: {
                $0.id == id && $0.repository == pull.repository && $0.pullRequest == pull.number
            })
        else {
            throw APIFailure.notFound("Note")
        }
        if let discussion = call.parameters["discussion"], comment.discussionID != discussion {
            throw APIFailure.notFound("Note")
        }
        return comment
    }
}
