/// GitLab's answers read into the bot's model: pure functions over the JSON of GitLab's merge
/// request, diff, version, discussion, note and member entities.
enum GitLabPayloads {
    /// GitLab keeps the head of every merge request at refs/merge-requests/{iid}/head in the
    /// target project. A merge request is a draft by `draft` (`work_in_progress` before 13.x);
    /// the fork may be pushed to when `allow_collaboration` is set. The base commit is
    /// `diff_refs.start_sha`, the target branch's head the diff was taken against (GitLab's merge
    /// request API: `base_sha` is the merge base, `start_sha` the target's head, `head_sha` the
    /// source's), as GitHub's `base.sha` is; the review finds the merge base itself, and inline
    /// comments that fall back on the review's own refs then anchor `start_sha` to the right commit.
    static func pullRequest(from json: JSON, cloneURL: String, forkCloneURL: String?) -> PullRequest {
        let number = json["iid"]?.int ?? 0
        let state: PullRequest.State =
            switch json["state"]?.string {
            case "opened": .open
            case "merged": .merged
            default: .closed
            }
        let labels = json["labels"]?.array?.compactMap { $0.string ?? $0["name"]?.string } ?? []
        return PullRequest(
            number: number, title: json["title"]?.string ?? "", body: json["description"]?.string ?? "", state: state,
            author: json["author"]?["username"]?.string ?? "", baseBranch: json["target_branch"]?.string ?? "",
            baseSHA: json["diff_refs"]?["start_sha"]?.string ?? json["diff_refs"]?["base_sha"]?.string ?? "",
            headBranch: json["source_branch"]?.string ?? "",
            headSHA: json["sha"]?.string ?? json["diff_refs"]?["head_sha"]?.string ?? "", cloneURL: cloneURL,
            forkCloneURL: forkCloneURL,
            maintainerCanModify: json["allow_collaboration"]?.bool ?? json["allow_maintainer_to_push"]?.bool ?? false,
            headRef: ForgeKind.gitlab.pullRequestHeadRef(number), webURL: json["web_url"]?.string ?? "",
            isDraft: json["draft"]?.bool ?? json["work_in_progress"]?.bool ?? false, labels: labels,
            createdAt: json["created_at"]?.string.flatMap(ForgeTimestamp.parse))
    }

    static func changedFile(from json: JSON) -> ChangedFile {
        let path = json["new_path"]?.string ?? ""
        let previousPath = json["old_path"]?.string
        let status: ChangedFile.Status =
            if json["new_file"]?.bool == true {
                .added
            } else if json["deleted_file"]?.bool == true {
                .removed
            } else if json["renamed_file"]?.bool == true {
                .renamed
            } else {
                .modified
            }
        return ChangedFile(path: path, previousPath: status == .renamed ? previousPath : nil, status: status)
    }

    /// The diff refs of the version (from …/versions, newest first) whose head is `head`.
    static func diffRefs(in versions: [JSON], head: String) -> GitLabDiffRefs? {
        guard let version = versions.first(where: { $0["head_commit_sha"]?.string == head }),
            let base = version["base_commit_sha"]?.string, let start = version["start_commit_sha"]?.string
        else { return nil }
        return GitLabDiffRefs(baseSHA: base, startSHA: start, headSHA: head)
    }

    /// The notes of one discussion that people wrote (system notes, "added 1 commit", are left out).
    static func comments(inDiscussion discussion: JSON) -> [PostedComment] {
        let discussionID = discussion["id"]?.string
        return (discussion["notes"]?.array ?? []).filter { $0["system"]?.bool != true }.map {
            comment(from: $0, discussionID: discussionID)
        }
    }

    /// A note with a diff `position` is inline, on its new-side line (old side for a removed line).
    static func comment(from note: JSON, discussionID: String?) -> PostedComment {
        let author = note["author"]?["username"]?.string ?? ""
        guard let position = note["position"], !position.isNull else {
            return PostedComment(
                id: note["id"]?.string ?? "", kind: .conversation, body: note["body"]?.string ?? "", author: author,
                threadID: discussionID)
        }
        return PostedComment(
            id: note["id"]?.string ?? "", kind: .inline, body: note["body"]?.string ?? "", author: author,
            path: position["new_path"]?.string ?? position["old_path"]?.string,
            line: position["new_line"]?.int ?? position["old_line"]?.int, threadID: discussionID,
            isResolved: note["resolved"]?.bool ?? false)
    }

    /// Owner 50 administers, Maintainer 40 maintains, Developer 30 writes; Reporter 20, Planner 15
    /// and Guest 10 read; Minimal Access 5 and anything else is none.
    static func permission(accessLevel: Int?) -> Permission {
        switch accessLevel ?? 0 {
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
