import Foundation

/// Merge request discussions: threads, diff threads placed by `position` (refused with 400
/// when the SHAs are not the merge request's current diff refs or the line is not in the diff),
/// replies, and resolving.
enum GitLabDiscussions {
    static let lineCodeRefusal =
        "400 Bad request - Note {:line_code=>[\"can't be blank\", \"must be a valid line code\"]}"

    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try call.mergeRequest(store)
        let json = GitLabJSON(store: store)
        let groups = GitLabDialect().discussionGroups(store, pull.repository, pull.number)
        return Pagination.gitlab.respond(
            groups.map { json.discussion($0.id, notes: $0.notes) }, to: call, baseURL: store.linkBaseURL)
    }

    static func get(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let (id, notes) = try discussion(store, call)
        return .json(200, GitLabJSON(store: store).discussion(id, notes: notes))
    }

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try call.mergeRequest(store)
        let body = try GitLabNotes.validBody(call)
        var anchor: StoredAnchor?
        if let position = call.arguments["position"] as? [String: Any] {
            anchor = try place(position, in: pull)
        }
        let comment = StoredComment(
            id: store.nextID(.issueComment), kind: anchor == nil ? .conversation : .inline, repository: pull.repository,
            pullRequest: pull.number, author: call.user.login, body: body, createdAt: store.now(), anchor: anchor)
        comment.discussionID = stableHexID("discussion:\(comment.id)")
        store.comments.append(comment)
        return .json(201, GitLabJSON(store: store).discussion(comment.discussionID ?? "", notes: [comment]))
    }

    static func reply(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let (id, notes) = try discussion(store, call)
        guard let first = notes.first else { throw APIFailure.notFound("Discussion") }
        let body = try GitLabNotes.validBody(call)
        let comment = StoredComment(
            id: store.nextID(.issueComment), kind: first.kind, repository: first.repository,
            pullRequest: first.pullRequest, author: call.user.login, body: body, createdAt: store.now(),
            anchor: first.anchor)
        comment.discussionID = id
        comment.inReplyTo = first.id
        comment.resolved = first.resolved
        store.comments.append(comment)
        return .json(201, GitLabJSON(store: store).note(comment))
    }

    /// `PUT …/discussions/{id}?resolved=true` (or `{"resolved": true}` in the body).
    static func resolve(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let (id, notes) = try discussion(store, call)
        guard let resolved = call.bool("resolved") else {
            throw APIFailure.badRequest("400 Bad request - resolved is missing")
        }
        try setResolved(resolved, on: notes, by: call.user, store: store)
        return .json(200, GitLabJSON(store: store).discussion(id, notes: notes))
    }

    static func setResolved(_ resolved: Bool, on notes: [StoredComment], by user: StoredUser, store: ForgeStore) throws
    {
        guard notes.allSatisfy({ $0.anchor != nil }) else {
            throw APIFailure.badRequest("400 Bad request - Discussion is not resolvable")
        }
        let now = store.now()
        for note in notes {
            note.resolved = resolved
            note.resolvedBy = resolved ? user.login : nil
            note.updatedAt = now
        }
    }

    /// Checks a diff position as GitLab does: current diff refs, a file of the diff, a line it
    /// shows, and the line fields that fit the line's kind. GitLab's `doc/api/discussions.md`
    /// ("Create a new thread in the merge request diff"): an added line takes `new_line` without
    /// `old_line`, a removed line `old_line` without `new_line`, an unchanged line both, which
    /// differ when earlier hunks moved it; any other combination has no line code (400).
    private static func place(_ position: [String: Any], in pull: StoredPullRequest) throws -> StoredAnchor {
        let refs = ["base_sha": pull.baseSHA, "start_sha": pull.startSHA, "head_sha": pull.headSHA]
        guard (position["position_type"] as? String ?? "text") == "text" else {
            throw APIFailure.badRequest("400 Bad request - position_type does not have a valid value")
        }
        for (field, expected) in refs where position[field] as? String != expected {
            throw APIFailure.badRequest(lineCodeRefusal)
        }
        let newLine = ForgeCall.integer(position["new_line"])
        let oldLine = ForgeCall.integer(position["old_line"])
        let path = position["new_path"] as? String ?? position["old_path"] as? String ?? ""
        guard let line = newLine ?? oldLine else { throw APIFailure.badRequest(lineCodeRefusal) }
        let shown = pull.file(path).flatMap { UnifiedPatch($0.patch).line(line, onNewSide: newLine != nil) }
        let expectedOldLine = shown?.kind == .added ? nil : shown?.oldLine
        guard newLine == nil || oldLine == expectedOldLine else { throw APIFailure.badRequest(lineCodeRefusal) }
        do {
            return try DiffAnchoring.anchor(
                in: pull, path: path, line: line, side: newLine == nil ? "LEFT" : "RIGHT", startLine: nil,
                startSide: nil)
        } catch {
            throw APIFailure.badRequest(lineCodeRefusal)
        }
    }

    private static func discussion(_ store: ForgeStore, _ call: ForgeCall) throws -> (String, [StoredComment]) {
        let pull = try call.mergeRequest(store)
        let id = call.parameter("discussion")
        guard
            let group = GitLabDialect().discussionGroups(store, pull.repository, pull.number).first(where: {
                $0.id == id
            })
        else {
            throw APIFailure.notFound("Discussion")
        }
        return (group.id, group.notes)
    }
}
