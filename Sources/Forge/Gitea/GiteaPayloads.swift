/// Gitea's answers read into the bot's model.
enum GiteaPayloads {
    /// Gitea's statuses: "added", "deleted", "modified", "renamed", "copied", "changed". A copy
    /// is a new file as far as the review goes.
    static func changedFile(_ file: GitHubShapedAnswers.ChangedFile) -> ChangedFile {
        let status: ChangedFile.Status =
            switch file.status {
            case "added", "copied": .added
            case "deleted", "removed": .removed
            case "renamed": .renamed
            default: .modified
            }
        let previous = file.previousFilename.flatMap { $0.isEmpty ? nil : $0 }
        return ChangedFile(path: file.filename, previousPath: previous, status: status)
    }

    static func conversationComment(_ comment: GitHubShapedAnswers.Comment) -> PostedComment {
        PostedComment(id: comment.id.text, kind: .conversation, body: comment.body, author: comment.user.login)
    }

    static func reviewComment(_ comment: GiteaAnswers.ReviewComment, reviewID: Int) -> PostedComment {
        let newLine = comment.position.flatMap { $0 > 0 ? $0 : nil }
        return PostedComment(
            id: comment.id.text, kind: .inline, body: comment.body, author: comment.user.login, path: comment.path,
            line: newLine ?? comment.originalPosition, threadID: String(reviewID), isResolved: comment.resolver != nil)
    }

    /// "owner" and "admin" both administer; Gitea has no maintain or triage level.
    static func permission(_ answer: GiteaAnswers.CollaboratorPermission) -> Permission {
        switch answer.permission {
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
