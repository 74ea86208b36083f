import Foundation

/// Reviews: Gitea creates inline comments only inside a new review (`comments[]` with
/// `new_position`/`old_position` as file line numbers), and refuses the whole review when one
/// comment does not land on the diff.
enum GiteaReviews {
    static let events = ["APPROVED", "PENDING", "COMMENT", "REQUEST_CHANGES", "REQUEST_REVIEW"]

    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("index"))
        let json = GiteaJSON(store: store)
        let reviews = store.reviews.filter { $0.repository == pull.repository && $0.pullRequest == pull.number }
        // Gitea's ListPullReviews (routers/api/v1/repo/pull_review.go) pages by `page`/`limit`
        // and sets X-Total-Count, but never a Link header.
        return Pagination.gitea.respond(reviews.map(json.review), to: call, baseURL: store.linkBaseURL, links: false)
    }

    static func get(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        .json(200, GiteaJSON(store: store).review(try review(store, call)))
    }

    static func comments(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let review = try review(store, call)
        return .json(200, store.comments.filter { $0.reviewID == review.id }.map(GiteaJSON(store: store).reviewComment))
    }

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("index"))
        let event = (call.string("event") ?? "").isEmpty ? "PENDING" : (call.string("event") ?? "")
        guard events.contains(event) else { throw APIFailure.unprocessable("unknown review event: \(event)") }
        let body = call.string("body") ?? ""
        let drafts = call.arguments["comments"] as? [[String: Any]] ?? []
        try checkAuthor(event, pull: pull, call: call)
        if (event == "COMMENT" || event == "REQUEST_CHANGES") && body.isEmpty && drafts.isEmpty {
            throw APIFailure.unprocessable("review event \(event) requires a body or a comment")
        }
        var anchors: [(StoredAnchor, String)] = []
        for draft in drafts {
            let path = draft["path"] as? String ?? ""
            let newLine = ForgeCall.integer(draft["new_position"]) ?? 0
            let oldLine = ForgeCall.integer(draft["old_position"]) ?? 0
            guard newLine > 0 || oldLine > 0 else {
                throw APIFailure.unprocessable("comment on \(path) needs new_position or old_position")
            }
            do {
                let anchor = try DiffAnchoring.anchor(
                    in: pull, path: path, line: newLine > 0 ? newLine : oldLine,
                    side: newLine > 0 ? "RIGHT" : "LEFT", startLine: nil, startSide: nil)
                anchors.append((anchor, draft["body"] as? String ?? ""))
            } catch {
                throw APIFailure.unprocessable(
                    "line \(newLine > 0 ? newLine : oldLine) of \(path) is not part of the pull request's diff")
            }
        }
        let now = store.now()
        let review = StoredReview(
            id: store.nextID(.review), repository: pull.repository, pullRequest: pull.number, author: call.user.login,
            body: body, state: event, commitID: call.string("commit_id") ?? pull.headSHA,
            submittedAt: event == "PENDING" ? nil : now)
        store.reviews.append(review)
        for (anchor, text) in anchors {
            let comment = StoredComment(
                id: store.nextID(.issueComment), kind: .inline, repository: pull.repository, pullRequest: pull.number,
                author: call.user.login, body: text, createdAt: now, anchor: anchor)
            comment.reviewID = review.id
            store.comments.append(comment)
        }
        return .json(200, GiteaJSON(store: store).review(review))
    }

    /// Submits a pending review with its final event.
    static func submit(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let review = try review(store, call)
        let pull = try store.pullRequest(call.repositoryName, try call.number("index"))
        guard review.state == "PENDING" else {
            throw APIFailure.unprocessable("only a pending review can be submitted")
        }
        let event = call.string("event") ?? ""
        guard events.contains(event), event != "PENDING" else {
            throw APIFailure.unprocessable("unknown review event: \(event)")
        }
        try checkAuthor(event, pull: pull, call: call)
        review.state = event
        if let body = call.string("body") { review.body = body }
        review.submittedAt = store.now()
        return .json(200, GiteaJSON(store: store).review(review))
    }

    static func delete(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let review = try review(store, call)
        guard review.author == call.user.login || call.user.has(atLeast: "admin") else {
            throw APIFailure.forbidden("Forbidden")
        }
        store.reviews.removeAll { $0 === review }
        store.comments.removeAll { $0.reviewID == review.id }
        return ServedResponse(status: 204)
    }

    private static func review(_ store: ForgeStore, _ call: ForgeCall) throws -> StoredReview {
        let pull = try store.pullRequest(call.repositoryName, try call.number("index"))
        let id = try call.number("id")
        guard
            let review = store.reviews.first(where: {
                $0.id == id && $0.repository == pull.repository && $0.pullRequest == pull.number
            })
        else {
            throw APIFailure.notFound()
        }
        return review
    }

    private static func checkAuthor(_ event: String, pull: StoredPullRequest, call: ForgeCall) throws {
        guard pull.author == call.user.login else { return }
        if event == "APPROVED" { throw APIFailure.unprocessable("approve your own pull is not allowed") }
        if event == "REQUEST_CHANGES" { throw APIFailure.unprocessable("reject your own pull is not allowed") }
    }
}
