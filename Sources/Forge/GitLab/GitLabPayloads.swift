/// GitLab's answers (`GitLabAnswers`) read into the bot's model.
enum GitLabPayloads {
    /// GitLab keeps the head of every merge request at refs/merge-requests/{iid}/head in the
    /// target project. A merge request is a draft by `draft` (`work_in_progress` before 13.x);
    /// the fork may be pushed to when `allow_collaboration` is set. The base commit is
    /// `diff_refs.start_sha`, the target branch's head the diff was taken against (GitLab's merge
    /// request API: `base_sha` is the merge base, `start_sha` the target's head, `head_sha` the
    /// source's), as GitHub's `base.sha` is; the review finds the merge base itself, and inline
    /// comments that fall back on the review's own refs then anchor `start_sha` to the right commit.
    static func pullRequest(_ mergeRequest: GitLabAnswers.MergeRequest, cloneURL: String, forkCloneURL: String?)
        -> PullRequest
    {
        let number = mergeRequest.iid
        let state: PullRequest.State =
            switch mergeRequest.state {
            case "opened": .open
            case "merged": .merged
            default: .closed
            }
        let refs = mergeRequest.diffRefs
        return PullRequest(
            number: number, title: mergeRequest.title, body: mergeRequest.description, state: state,
            author: mergeRequest.author.username, baseBranch: mergeRequest.targetBranch,
            // List entries carry no `diff_refs`: their base commit is unknown (nil).
            baseSHA: refs.flatMap { $0.startSHA ?? $0.baseSHA }, headBranch: mergeRequest.sourceBranch,
            headSHA: mergeRequest.sha, cloneURL: cloneURL, forkCloneURL: forkCloneURL,
            maintainerCanModify: (mergeRequest.allowCollaboration ?? mergeRequest.allowMaintainerToPush) == true,
            headRef: ForgeKind.gitlab.pullRequestHeadRef(number), webURL: mergeRequest.webURL,
            isDraft: (mergeRequest.draft ?? mergeRequest.workInProgress) == true,
            labels: mergeRequest.labels.map(\.name), createdAt: mergeRequest.createdAt.flatMap(ForgeTimestamp.parse))
    }

    static func changedFile(_ diff: GitLabAnswers.Diff) -> ChangedFile {
        let status: ChangedFile.Status =
            if diff.newFile {
                .added
            } else if diff.deletedFile {
                .removed
            } else if diff.renamedFile {
                .renamed
            } else {
                .modified
            }
        return ChangedFile(path: diff.newPath, previousPath: status == .renamed ? diff.oldPath : nil, status: status)
    }

    /// The diff refs of the version (from …/versions, newest first) whose head is `head`.
    static func diffRefs(in versions: [GitLabAnswers.Version], head: String) -> GitLabDiffRefs? {
        guard let version = versions.first(where: { $0.headCommitSHA == head }) else { return nil }
        return GitLabDiffRefs(baseSHA: version.baseCommitSHA, startSHA: version.startCommitSHA, headSHA: head)
    }

    /// The notes of one discussion that people wrote (system notes, "added 1 commit", are left out).
    static func comments(inDiscussion discussion: GitLabAnswers.Discussion) -> [PostedComment] {
        discussion.notes.filter { !$0.system }.map { comment(from: $0, discussionID: discussion.id) }
    }

    /// A note with a diff `position` is inline, on its new-side line (old side for a removed line).
    static func comment(from note: GitLabAnswers.Note, discussionID: String?) -> PostedComment {
        let author = note.author.username
        guard let position = note.position else {
            return PostedComment(
                id: note.id.text, kind: .conversation, body: note.body, author: author, threadID: discussionID)
        }
        return PostedComment(
            id: note.id.text, kind: .inline, body: note.body, author: author,
            path: position.newPath ?? position.oldPath, line: position.newLine ?? position.oldLine,
            threadID: discussionID, isResolved: note.resolved == true)
    }

    /// Owner 50 administers, Maintainer 40 maintains, Developer 30 writes; Reporter 20, Planner 15
    /// and Guest 10 read; Minimal Access 5 and anything else is none.
    static func permission(accessLevel: Int) -> Permission {
        switch accessLevel {
        case 50...: .admin
        case 40..<50: .maintain
        case 30..<40: .write
        case 10..<30: .read
        default: .none
        }
    }

    /// GitLab's states: pending, running, success, failed, canceled. No neutral: it does not
    /// block, so it is a success.
    static func statusState(for conclusion: CommitCheck.Conclusion?) -> String {
        switch conclusion {
        case nil: "pending"
        case .success, .neutral: "success"
        case .failure: "failed"
        }
    }

    /// GitLab's emoji names: thumbs-up is "thumbsup", not "+1".
    static func awardEmojiName(for reaction: Reaction) -> String {
        switch reaction {
        case .eyes: "eyes"
        case .rocket: "rocket"
        case .confused: "confused"
        case .thumbsUp: "thumbsup"
        }
    }
}
