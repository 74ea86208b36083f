import Foundation
import HTTPKit
import JSONKit

/// Reviews and comments. On GitLab an inline comment is a discussion whose first note has a diff
/// position; a conversation comment is a note. Every note, inline or not, is edited, deleted and
/// reacted to by its id under …/notes.
extension GitLabForge {
    /// The body as one note, then one discussion per inline comment. GitLab rejects a position
    /// whose SHAs are not those of one of the merge request's diff versions, so they are taken
    /// from the version whose head is the reviewed commit (the newest version's are the merge
    /// request's `diff_refs`); only when no version has that head are the review's own used.
    /// Multi-line suggestions need no range here: the publisher writes ```suggestion:-N+0.
    package func postReview(on number: Int, _ review: ReviewSubmission) async throws -> [PostedComment] {
        if !review.body.isEmpty {
            try await api.send(.post, "\(mergeRequest(number))/notes", body: ["body": .string(review.body)])
        }
        guard !review.comments.isEmpty else { return [] }
        let refs = try await diffRefs(of: number, reviewing: review)
        // The old side of each file: its path, and the line each new-side line had (none for a new file).
        var oldSides: [String: (path: String, lines: GitLabOldLines?)] = [:]
        let diffs = try await api.getAll(
            "\(mergeRequest(number))/diffs", pageSize: Self.pageSize, of: GitLabAnswers.Diff.self)
        for diff in diffs where oldSides[diff.newPath] == nil {
            oldSides[diff.newPath] = (diff.oldPath, diff.newFile ? nil : GitLabOldLines(diff: diff.diff))
        }
        var posted: [PostedComment] = []
        for comment in review.comments {
            let oldSide = oldSides[comment.path]
            let position = GitLabDiffPosition(
                refs: refs, newPath: comment.path, oldPath: oldSide?.path ?? comment.path, newLine: comment.line,
                oldLine: oldSide?.lines?.oldLine(ofNewLine: comment.line))
            let path = "\(mergeRequest(number))/discussions"
            let discussion = try await api.send(
                .post, path, body: ["body": .string(comment.body), "position": position.json],
                as: GitLabAnswers.Discussion.self)
            guard let note = GitLabPayloads.comments(inDiscussion: discussion).first else {
                throw ForgeError.unreadableResponse(method: "POST", path: path, reason: "the discussion has no note")
            }
            posted.append(note)
        }
        return posted
    }

    private func diffRefs(of number: Int, reviewing review: ReviewSubmission) async throws -> GitLabDiffRefs {
        let versions = try await api.getAll(
            "\(mergeRequest(number))/versions", pageSize: Self.pageSize, of: GitLabAnswers.Version.self)
        return GitLabPayloads.diffRefs(in: versions, head: review.commitSHA)
            ?? GitLabDiffRefs(baseSHA: review.baseSHA, startSHA: review.startSHA, headSHA: review.commitSHA)
    }

    /// Every non-system note of every discussion.
    package func comments(on number: Int) async throws -> [PostedComment] {
        try await api.getAll(
            "\(mergeRequest(number))/discussions", pageSize: Self.pageSize, of: GitLabAnswers.Discussion.self
        ).flatMap(GitLabPayloads.comments(inDiscussion:))
    }

    package func createComment(on number: Int, body: String) async throws -> PostedComment {
        let note = try await api.send(
            .post, "\(mergeRequest(number))/notes", body: ["body": .string(body)], as: GitLabAnswers.Note.self)
        return GitLabPayloads.comment(from: note, discussionID: nil)
    }

    package func updateComment(_ comment: PostedComment, on number: Int, body: String) async throws {
        try await api.send(
            .put, "\(mergeRequest(number))/notes/\(ForgeAPI.segment(comment.id))", body: ["body": .string(body)])
    }

    /// Deleting the only note of a discussion deletes the discussion.
    package func deleteComment(_ comment: PostedComment, on number: Int) async throws {
        try await api.send(.delete, "\(mergeRequest(number))/notes/\(ForgeAPI.segment(comment.id))")
    }

    /// Resolves the comment's discussion, found again by note id when the comment does not carry it.
    package func resolve(_ comment: PostedComment, on number: Int) async throws {
        var discussionID = comment.threadID
        if discussionID == nil {
            discussionID = try await comments(on: number).first { $0.id == comment.id }?.threadID
        }
        guard let discussionID else {
            throw ForgeError.notFound(
                "the discussion of note \(comment.id) on merge request \(number) of \(repository)")
        }
        try await api.send(
            .put, "\(mergeRequest(number))/discussions/\(ForgeAPI.segment(discussionID))", body: ["resolved": true])
    }

    /// Award emoji on the note. Awarding the same emoji twice is refused with 404 "has already
    /// been taken", which means the reaction is there: not an error.
    package func react(_ reaction: Reaction, to comment: PostedComment, on number: Int) async throws {
        let path = "\(mergeRequest(number))/notes/\(ForgeAPI.segment(comment.id))/award_emoji"
        do {
            try await api.send(.post, path, body: ["name": .string(GitLabPayloads.awardEmojiName(for: reaction))])
        } catch let error as ForgeError {
            guard case .status(404, _, _, let message) = error, message.contains("already been taken") else {
                throw error
            }
        }
    }
}
