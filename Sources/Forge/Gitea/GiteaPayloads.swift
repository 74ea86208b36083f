/// Gitea's answers read into the bot's model: pure functions over the JSON, shaped by the Swagger
/// definitions PullRequest, ChangedFile, Comment, PullReviewComment and RepoCollaboratorPermission.
enum GiteaPayloads {
    /// A fork when the head repository is not the base repository; Gitea keeps the head commit of
    /// every pull request at refs/pull/{index}/head in the base repository.
    static func pullRequest(from json: JSON) -> PullRequest {
        GitHubShapedPullRequest.parse(json, maintainerEditKey: "allow_maintainer_edit")
    }

    /// Gitea's statuses: "added", "deleted", "modified", "renamed", "copied", "changed". A copy
    /// is a new file as far as the review goes.
    static func changedFile(from json: JSON) -> ChangedFile {
        let status: ChangedFile.Status =
            switch json["status"]?.string {
            case "added", "copied": .added
            case "deleted", "removed": .removed
            case "renamed": .renamed
            default: .modified
            }
        // Gitea omits previous_filename (omitempty) except for renames; an empty one means none too.
        let previous = json["previous_filename"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        return ChangedFile(path: json["filename"]?.string ?? "", previousPath: previous, status: status)
    }

    static func conversationComment(from json: JSON) -> PostedComment {
        PostedComment(
            id: json["id"]?.string ?? "", kind: .conversation, body: json["body"]?.string ?? "",
            author: json["user"]?["login"]?.string ?? "")
    }

    /// `position` is the new-side line, `original_position` the old-side one (only one is set);
    /// a comment is resolved when it has a `resolver`.
    static func reviewComment(from json: JSON, reviewID: Int) -> PostedComment {
        let newLine = json["position"]?.int.flatMap { $0 > 0 ? $0 : nil }
        return PostedComment(
            id: json["id"]?.string ?? "", kind: .inline, body: json["body"]?.string ?? "",
            author: json["user"]?["login"]?.string ?? "", path: json["path"]?.string,
            line: newLine ?? json["original_position"]?.int, threadID: String(reviewID),
            isResolved: json["resolver"].map { !$0.isNull } ?? false)
    }

    /// "owner" and "admin" both administer; Gitea has no maintain or triage level.
    static func permission(from json: JSON) -> Permission {
        switch json["permission"]?.string {
        case "owner", "admin": .admin
        case "write": .write
        case "read": .read
        default: .none
        }
    }

    /// No neutral state on Gitea: a neutral verdict does not block, so it is a success.
    static func statusState(for conclusion: CommitCheck.Conclusion?) -> String {
        switch conclusion {
        case nil: "pending"
        case .success, .neutral: "success"
        case .failure: "failure"
        }
    }
}
