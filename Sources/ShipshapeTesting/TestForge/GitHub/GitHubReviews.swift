import Foundation

/// pulls/create-review (atomic: one unplaceable comment refuses the whole review),
/// pulls/list-reviews, and the review comments: list, create (line/side or the deprecated
/// position, or a reply), update.
enum GitHubReviews {
    /// GitHub's limit on any comment body, in characters as Rails' length validation counts them:
    /// Unicode code points (a flag emoji is two, an accented letter written with a combining mark two).
    static let maximumBodyLength = 65_536

    static func list(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        let json = GitHubJSON(store: store)
        let reviews = store.reviews.filter { $0.repository == pull.repository && $0.pullRequest == pull.number }
            .filter { $0.state != "PENDING" || $0.author == call.user.login }
        return Pagination.github.respond(reviews.map(json.review), to: call, baseURL: store.linkBaseURL)
    }

    static func create(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        let refuse = { (reason: String) in APIFailure.unprocessable("Unprocessable Entity", errors: [reason]) }
        let body = call.string("body") ?? ""
        let commitID = call.string("commit_id") ?? pull.headSHA
        guard pull.versions.contains(where: { $0.headSHA == commitID }) else {
            throw refuse("Commit could not be resolved")
        }
        let event = call.string("event") ?? ""
        let states = [
            "APPROVE": "APPROVED", "REQUEST_CHANGES": "CHANGES_REQUESTED", "COMMENT": "COMMENTED", "": "PENDING",
        ]
        guard let state = states[event] else { throw refuse("Event must be one of APPROVE, REQUEST_CHANGES, COMMENT") }
        if pull.author == call.user.login && event == "APPROVE" {
            throw refuse("Can not approve your own pull request")
        }
        if pull.author == call.user.login && event == "REQUEST_CHANGES" {
            throw refuse("Can not request changes on your own pull request")
        }
        let drafts = call.arguments["comments"] as? [[String: Any]] ?? []
        // "Create a review for a pull request" (rest/pulls/reviews): `body` is required when the
        // event is REQUEST_CHANGES or COMMENT, inline comments or not.
        if event == "REQUEST_CHANGES" && body.isEmpty { throw refuse("Body is required when requesting changes") }
        if event == "COMMENT" && body.isEmpty { throw refuse("Body is required when using COMMENT") }
        if body.unicodeScalars.count > maximumBodyLength {
            throw refuse("Body is too long (maximum is \(maximumBodyLength) characters)")
        }
        if state == "PENDING"
            && store.reviews.contains(where: {
                $0.repository == pull.repository && $0.pullRequest == pull.number && $0.author == call.user.login
                    && $0.state == "PENDING"
            })
        {
            throw refuse("User can only have one pending review per pull request")
        }
        var anchors: [(StoredAnchor, String)] = []
        for draft in drafts {
            let text = draft["body"] as? String ?? ""
            guard let path = draft["path"] as? String else { throw refuse("Path is required for a review comment") }
            if text.unicodeScalars.count > maximumBodyLength {
                throw refuse("Body is too long (maximum is \(maximumBodyLength) characters)")
            }
            do {
                anchors.append((try anchor(draft, path: path, pull: pull), text))
            } catch {
                throw refuse(reason(for: error))
            }
        }
        let now = store.now()
        let review = StoredReview(
            id: store.nextID(.review), repository: pull.repository, pullRequest: pull.number, author: call.user.login,
            body: body, state: state, commitID: commitID, submittedAt: state == "PENDING" ? nil : now)
        store.reviews.append(review)
        for (anchor, text) in anchors {
            let comment = StoredComment(
                id: store.nextID(.reviewComment), kind: .inline, repository: pull.repository, pullRequest: pull.number,
                author: call.user.login, body: text, createdAt: now, anchor: anchor)
            comment.reviewID = review.id
            store.comments.append(comment)
        }
        return .json(200, GitHubJSON(store: store).review(review))
    }

    static func listComments(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        let pending = Set(store.reviews.filter { $0.state == "PENDING" && $0.author != call.user.login }.map(\.id))
        var comments = store.comments(pull.repository, pull.number, kind: .inline).filter {
            $0.reviewID.map { !pending.contains($0) } ?? true
        }
        if call.string("direction") == "desc" { comments.reverse() }
        let json = GitHubJSON(store: store)
        return Pagination.github.respond(comments.map(json.reviewComment), to: call, baseURL: store.linkBaseURL)
    }

    static func createComment(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        let body = try call.requireString("body", message: "Validation Failed")
        if body.unicodeScalars.count > maximumBodyLength { throw tooLong() }
        var anchor: StoredAnchor
        var replyTo: Int?
        if let parentID = call.integer("in_reply_to") {
            guard let parent = try? store.comment(pull.repository, id: parentID, kind: .inline),
                let parentAnchor = parent.anchor
            else {
                throw APIFailure.unprocessable(
                    "Validation Failed",
                    errors: [["resource": "PullRequestReviewComment", "code": "invalid", "field": "in_reply_to"]])
            }
            anchor = parentAnchor
            replyTo = parent.inReplyTo ?? parent.id
        } else {
            let path = try call.requireString("path", message: "Validation Failed")
            guard call.string("commit_id") != nil else {
                throw APIFailure.unprocessable(
                    "Validation Failed",
                    errors: [["resource": "PullRequestReviewComment", "code": "missing_field", "field": "commit_id"]])
            }
            do {
                anchor = try GitHubReviews.anchor(call.arguments, path: path, pull: pull)
            } catch {
                throw APIFailure.unprocessable(
                    "Validation Failed",
                    errors: [
                        [
                            "resource": "PullRequestReviewComment", "code": "custom",
                            "field": "pull_request_review_thread.line",
                            "message": reason(for: error),
                        ]
                    ])
            }
            if let commitID = call.string("commit_id") { anchor.commitID = commitID }
        }
        return storeComment(body, anchor: anchor, inReplyTo: replyTo, pull: pull, store, call)
    }

    /// "Create a reply for a review comment" (docs.github.com/en/rest/pulls/comments): the reply
    /// joins the thread of the comment it answers, on the same pull request.
    static func createReply(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let pull = try store.pullRequest(call.repositoryName, try call.number("number"))
        let parent = try store.comment(pull.repository, id: try call.number("comment"), kind: .inline)
        guard parent.pullRequest == pull.number, let anchor = parent.anchor else { throw APIFailure.notFound() }
        let body = try call.requireString("body", message: "Validation Failed")
        if body.unicodeScalars.count > maximumBodyLength { throw tooLong() }
        return storeComment(body, anchor: anchor, inReplyTo: parent.inReplyTo ?? parent.id, pull: pull, store, call)
    }

    /// A single review comment is a review of its own, as on GitHub.
    private static func storeComment(
        _ body: String, anchor: StoredAnchor, inReplyTo: Int?, pull: StoredPullRequest,
        _ store: ForgeStore, _ call: ForgeCall
    ) -> ServedResponse {
        let comment = StoredComment(
            id: store.nextID(.reviewComment), kind: .inline, repository: pull.repository, pullRequest: pull.number,
            author: call.user.login, body: body, createdAt: store.now(), anchor: anchor)
        comment.inReplyTo = inReplyTo
        let review = StoredReview(
            id: store.nextID(.review), repository: pull.repository, pullRequest: pull.number, author: call.user.login,
            body: "", state: "COMMENTED", commitID: anchor.commitID, submittedAt: comment.createdAt)
        store.reviews.append(review)
        comment.reviewID = review.id
        store.comments.append(comment)
        return .json(201, GitHubJSON(store: store).reviewComment(comment))
    }

    static func updateComment(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let comment = try store.comment(call.repositoryName, id: try call.number("comment"), kind: .inline)
        guard comment.author == call.user.login || call.user.has(atLeast: "write") else {
            throw APIFailure.forbidden("Resource not accessible by integration")
        }
        let body = try call.requireString("body", message: "Validation Failed")
        if body.unicodeScalars.count > maximumBodyLength { throw tooLong() }
        comment.body = body
        comment.updatedAt = store.now()
        return .json(200, GitHubJSON(store: store).reviewComment(comment))
    }

    /// `line`/`side`/`start_line`/`start_side`, or the deprecated `position`.
    private static func anchor(_ fields: [String: Any], path: String, pull: StoredPullRequest) throws -> StoredAnchor {
        if let line = ForgeCall.integer(fields["line"]) {
            let side = fields["side"] as? String ?? "RIGHT"
            return try DiffAnchoring.anchor(
                in: pull, path: path, line: line, side: side,
                startLine: ForgeCall.integer(fields["start_line"]), startSide: fields["start_side"] as? String)
        }
        if let position = ForgeCall.integer(fields["position"]) {
            return try DiffAnchoring.anchor(in: pull, path: path, position: position)
        }
        throw DiffAnchoring.Refusal.positionOutsideDiff(path: path, position: 0)
    }

    static func reason(for error: any Error) -> String {
        switch error as? DiffAnchoring.Refusal {
        case .fileNotInDiff: "Path could not be resolved"
        case .lineOutsideDiff: "Line could not be resolved"
        case .rangeCrossesHunks: "start_line must be part of the same hunk as the line."
        case .positionOutsideDiff: "Position could not be resolved"
        case nil: "Unprocessable Entity"
        }
    }

    static func tooLong() -> APIFailure {
        APIFailure.unprocessable(
            "Validation Failed",
            errors: [
                [
                    "resource": "PullRequestReviewComment", "code": "custom", "field": "body",
                    "message": "body is too long (maximum is \(maximumBodyLength) characters)",
                ]
            ])
    }
}
