import Foundation

/// Gitea's response objects (its Swagger marks nothing required; these carry the fields Gitea's
/// Go structs always serialise, `null` where Gitea sends null).
struct GiteaJSON {
    let store: ForgeStore
    var base: String { store.baseURL }
    var api: String { "\(store.baseURL)/api/v1" }

    func user(_ login: String) -> [String: Any] {
        let id = store.user(login: login)?.id ?? stableNumber(login)
        return [
            "id": id, "login": login, "login_name": "", "source_id": 0, "full_name": "",
            "email": "\(login)@noreply.localhost",
            "avatar_url": "\(base)/avatars/\(id)", "html_url": "\(base)/\(login)", "language": "", "is_admin": false,
            "last_login": "2025-01-01T00:00:00Z", "created": "2025-01-01T00:00:00Z", "restricted": false,
            "active": true,
            "prohibit_login": false, "location": "", "website": "", "description": "", "visibility": "public",
            "followers_count": 0, "following_count": 0, "starred_repos_count": 0,
        ]
    }

    func repository(_ repository: StoredRepository, viewer: StoredUser?) -> [String: Any] {
        [
            "id": repository.id, "owner": user(repository.owner), "name": repository.name,
            "full_name": repository.fullName,
            "description": "", "empty": false, "private": false, "fork": repository.isFork, "template": false,
            "parent": NSNull(),
            "mirror": false, "size": 1, "language": "",
            "languages_url": "\(api)/repos/\(repository.fullName)/languages",
            "html_url": "\(base)/\(repository.fullName)", "url": "\(api)/repos/\(repository.fullName)", "link": "",
            "ssh_url": "git@localhost:\(repository.fullName).git", "clone_url": repository.cloneURL, "original_url": "",
            "website": "",
            "stars_count": 0, "forks_count": 0, "watchers_count": 0, "open_issues_count": 0,
            "open_pr_counter": store.pullRequests.filter { $0.repository == repository.fullName && $0.state == "open" }
                .count,
            "release_counter": 0, "default_branch": repository.defaultBranch, "archived": false,
            "created_at": repository.createdAt,
            "updated_at": repository.createdAt, "archived_at": "1970-01-01T00:00:00Z",
            "permissions": [
                "admin": viewer?.has(atLeast: "admin") ?? false, "push": viewer?.has(atLeast: "write") ?? false,
                "pull": true,
            ],
            "has_issues": true, "has_wiki": true, "has_pull_requests": true, "has_projects": true, "has_releases": true,
            "has_packages": true, "has_actions": true, "has_code": true, "ignore_whitespace_conflicts": false,
            "allow_merge_commits": true, "allow_rebase": true, "allow_rebase_explicit": true,
            "allow_squash_merge": true,
            "allow_fast_forward_only_merge": true, "allow_rebase_update": true,
            "default_delete_branch_after_merge": false,
            "default_merge_style": "merge", "default_allow_maintainer_edit": false, "avatar_url": "", "internal": false,
            "mirror_interval": "", "object_format_name": "sha1", "mirror_updated": "0001-01-01T00:00:00Z",
            "repo_transfer": NSNull(),
            "topics": [String](), "licenses": [String](),
        ]
    }

    func label(_ label: StoredLabel) -> [String: Any] {
        [
            "id": label.id, "name": label.name, "exclusive": false, "is_archived": false, "color": label.color,
            "description": "",
            "url": "\(api)/repos/\(label.repository)/labels/\(label.id)",
        ]
    }

    func pullRequest(_ pull: StoredPullRequest, viewer: StoredUser?) -> [String: Any] {
        let html = "\(base)/\(pull.repository)/pulls/\(pull.number)"
        return [
            "id": pull.id, "url": html, "number": pull.number, "user": user(pull.author), "title": pull.title,
            "body": pull.body,
            "labels": pull.labels.map { label(store.label(pull.repository, named: $0)) }, "milestone": NSNull(),
            "assignee": NSNull(),
            "assignees": NSNull(), "requested_reviewers": NSNull(), "requested_reviewers_teams": NSNull(),
            "state": pull.state,
            "draft": pull.draft, "is_locked": false,
            "comments": store.comments(pull.repository, pull.number, kind: .conversation).count,
            "review_comments": store.comments(pull.repository, pull.number, kind: .inline).count,
            "additions": pull.files.reduce(0) { $0 + $1.additions },
            "deletions": pull.files.reduce(0) { $0 + $1.deletions },
            "changed_files": pull.files.count, "html_url": html, "diff_url": html + ".diff",
            "patch_url": html + ".patch",
            "mergeable": pull.state == "open", "merged": false, "merged_at": NSNull(), "merge_commit_sha": NSNull(),
            "merged_by": NSNull(),
            "allow_maintainer_edit": pull.maintainerCanModify,
            "base": branch(pull.baseBranch, sha: pull.baseSHA, repository: pull.repository, viewer: viewer),
            "head": branch(
                pull.headBranch, sha: pull.headSHA, repository: pull.headRepository ?? pull.repository, viewer: viewer),
            "merge_base": pull.baseSHA, "due_date": NSNull(), "created_at": pull.createdAt,
            "updated_at": pull.updatedAt,
            "closed_at": pull.closedAt.map { $0 as Any } ?? NSNull(), "pin_order": 0,
        ]
    }

    private func branch(_ name: String, sha: String, repository fullName: String, viewer: StoredUser?) -> [String: Any]
    {
        let stored = try? store.repository(fullName)
        return [
            "label": name, "ref": name, "sha": sha, "repo_id": stored?.id ?? 0,
            "repo": stored.map { repository($0, viewer: viewer) as Any } ?? NSNull(),
        ]
    }

    func comment(_ comment: StoredComment) -> [String: Any] {
        let pull = "\(base)/\(comment.repository)/pulls/\(comment.pullRequest)"
        return [
            "id": comment.id, "html_url": "\(pull)#issuecomment-\(comment.id)", "pull_request_url": pull,
            "issue_url": "",
            "user": user(comment.author), "original_author": "", "original_author_id": 0, "body": comment.body,
            "assets": [Any](), "created_at": comment.createdAt, "updated_at": comment.updatedAt,
        ]
    }

    func review(_ review: StoredReview) -> [String: Any] {
        let pull = "\(base)/\(review.repository)/pulls/\(review.pullRequest)"
        let count = store.comments.filter { $0.reviewID == review.id }.count
        return [
            "id": review.id, "user": user(review.author), "team": NSNull(), "state": review.state, "body": review.body,
            "commit_id": review.commitID, "stale": false,
            "official": review.state == "APPROVED" || review.state == "REQUEST_CHANGES",
            "dismissed": false, "comments_count": count, "submitted_at": review.submittedAt ?? "0001-01-01T00:00:00Z",
            "updated_at": review.submittedAt ?? "0001-01-01T00:00:00Z", "html_url": "\(pull)#issuecomment-\(review.id)",
            "pull_request_url": pull,
        ]
    }

    /// Gitea numbers review comments by file line: `position` on the new side, `original_position` on the old.
    func reviewComment(_ comment: StoredComment) -> [String: Any] {
        let pull = "\(base)/\(comment.repository)/pulls/\(comment.pullRequest)"
        let anchor = comment.anchor
        let onNewSide = anchor?.side != "LEFT"
        return [
            "id": comment.id, "body": comment.body, "user": user(comment.author),
            "resolver": comment.resolvedBy.map { user($0) as Any } ?? NSNull(),
            "pull_request_review_id": comment.reviewID ?? 0, "created_at": comment.createdAt,
            "updated_at": comment.updatedAt,
            "path": anchor?.path ?? "", "commit_id": anchor?.commitID ?? "",
            "original_commit_id": anchor?.commitID ?? "",
            "diff_hunk": anchor?.diffHunk ?? "", "position": onNewSide ? anchor?.line ?? 0 : 0,
            "original_position": onNewSide ? 0 : anchor?.line ?? 0,
            "html_url": "\(pull)/files#issuecomment-\(comment.id)",
            "pull_request_url": pull,
        ]
    }

    func status(_ status: StoredStatus) -> [String: Any] {
        [
            "id": status.id, "status": status.state, "target_url": status.targetURL ?? "",
            "description": status.description ?? "",
            "url": "\(api)/repos/\(status.repository)/statuses/\(status.sha)", "context": status.context,
            "creator": user(status.creator),
            "created_at": status.createdAt, "updated_at": status.createdAt,
        ]
    }

    func branch(_ name: String, sha: String, repository: StoredRepository) -> [String: Any] {
        let committer: [String: Any] = [
            "name": repository.owner, "email": "\(repository.owner)@noreply.localhost", "username": repository.owner,
        ]
        return [
            "name": name, "protected": false, "required_approvals": 0, "enable_status_check": false,
            "status_check_contexts": [String](), "user_can_push": true, "user_can_merge": true,
            "effective_branch_protection_name": "",
            "commit": [
                "id": sha, "message": "", "url": "\(base)/\(repository.fullName)/commit/\(sha)", "author": committer,
                "committer": committer, "verification": NSNull(), "timestamp": repository.createdAt,
                "added": NSNull(), "removed": NSNull(), "modified": NSNull(),
            ] as [String: Any],
        ]
    }

    func reference(_ name: String, sha: String, repository: String) -> [String: Any] {
        [
            "ref": "refs/heads/\(name)", "url": "\(api)/repos/\(repository)/git/refs/heads/\(name)",
            "object": ["type": "commit", "sha": sha, "url": "\(api)/repos/\(repository)/git/commits/\(sha)"],
        ]
    }
}
