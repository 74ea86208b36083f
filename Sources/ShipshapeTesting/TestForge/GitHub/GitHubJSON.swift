import Foundation

/// GitHub's response objects, with every field the 2020 OpenAPI description requires.
struct GitHubJSON {
    let store: ForgeStore
    var base: String { store.baseURL }

    static let documentation = "https://docs.github.com/rest"

    func nodeID(_ kind: String, _ id: Int) -> String {
        Data("\(kind):\(id)".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    func user(_ login: String) -> [String: Any] {
        let known = store.user(login: login)
        let id = known?.id ?? stableNumber(login)
        let isBot = known?.isBot ?? login.hasSuffix("[bot]")
        let api = "\(base)/users/\(login)"
        return [
            "login": login, "id": id, "node_id": nodeID("User", id), "avatar_url": "\(base)/avatars/u/\(id)",
            "gravatar_id": "", "url": api,
            "html_url": isBot
                ? "\(base)/apps/\(login.replacingOccurrences(of: "[bot]", with: ""))" : "\(base)/\(login)",
            "followers_url": "\(api)/followers", "following_url": "\(api)/following{/other_user}",
            "gists_url": "\(api)/gists{/gist_id}", "starred_url": "\(api)/starred{/owner}{/repo}",
            "subscriptions_url": "\(api)/subscriptions", "organizations_url": "\(api)/orgs",
            "repos_url": "\(api)/repos",
            "events_url": "\(api)/events{/privacy}", "received_events_url": "\(api)/received_events",
            "type": isBot ? "Bot" : "User", "site_admin": false,
        ]
    }

    func repository(_ repository: StoredRepository, viewer: StoredUser?) -> [String: Any] {
        let api = "\(base)/repos/\(repository.fullName)"
        var object: [String: Any] = [
            "id": repository.id, "node_id": nodeID("Repository", repository.id), "name": repository.name,
            "full_name": repository.fullName, "owner": user(repository.owner), "private": false,
            "html_url": "\(base)/\(repository.fullName)", "description": NSNull(), "fork": repository.isFork,
            "url": api,
            "clone_url": repository.cloneURL,
            "git_url": repository.cloneURL.replacingOccurrences(of: "http", with: "git", options: .anchored),
            "ssh_url": "git@\(URL(string: base)?.host ?? "localhost"):\(repository.fullName).git",
            "svn_url": "\(base)/\(repository.fullName)",
            "mirror_url": NSNull(), "homepage": NSNull(), "language": NSNull(), "forks_count": 0, "forks": 0,
            "stargazers_count": 0, "watchers_count": 0, "watchers": 0, "size": 1,
            "default_branch": repository.defaultBranch,
            "open_issues_count": 0, "open_issues": 0, "is_template": false, "topics": [String](), "has_issues": true,
            "has_projects": true, "has_wiki": true, "has_pages": false, "has_downloads": true, "archived": false,
            "disabled": false, "visibility": "public", "pushed_at": repository.createdAt,
            "created_at": repository.createdAt,
            "updated_at": repository.createdAt, "license": NSNull(), "allow_rebase_merge": true,
            "allow_squash_merge": true,
            "allow_merge_commit": true, "delete_branch_on_merge": false, "subscribers_count": 0, "network_count": 0,
        ]
        for (field, suffix) in [
            ("archive_url", "/{archive_format}{/ref}"), ("assignees_url", "/assignees{/user}"),
            ("blobs_url", "/git/blobs{/sha}"),
            ("branches_url", "/branches{/branch}"), ("collaborators_url", "/collaborators{/collaborator}"),
            ("comments_url", "/comments{/number}"), ("commits_url", "/commits{/sha}"),
            ("compare_url", "/compare/{base}...{head}"),
            ("contents_url", "/contents/{+path}"), ("contributors_url", "/contributors"),
            ("deployments_url", "/deployments"),
            ("downloads_url", "/downloads"), ("events_url", "/events"), ("forks_url", "/forks"),
            ("git_commits_url", "/git/commits{/sha}"), ("git_refs_url", "/git/refs{/sha}"),
            ("git_tags_url", "/git/tags{/sha}"),
            ("hooks_url", "/hooks"), ("issue_comment_url", "/issues/comments{/number}"),
            ("issue_events_url", "/issues/events{/number}"),
            ("issues_url", "/issues{/number}"), ("keys_url", "/keys{/key_id}"), ("labels_url", "/labels{/name}"),
            ("languages_url", "/languages"), ("merges_url", "/merges"), ("milestones_url", "/milestones{/number}"),
            ("notifications_url", "/notifications{?since,all,participating}"), ("pulls_url", "/pulls{/number}"),
            ("releases_url", "/releases{/id}"), ("stargazers_url", "/stargazers"), ("statuses_url", "/statuses/{sha}"),
            ("subscribers_url", "/subscribers"), ("subscription_url", "/subscription"), ("tags_url", "/tags"),
            ("teams_url", "/teams"), ("trees_url", "/git/trees{/sha}"),
        ] {
            object[field] = api + suffix
        }
        if let viewer {
            object["permissions"] = [
                "admin": viewer.has(atLeast: "admin"), "maintain": viewer.has(atLeast: "maintain"),
                "push": viewer.has(atLeast: "write"), "triage": viewer.has(atLeast: "triage"), "pull": true,
            ]
        }
        return object
    }

    func authorAssociation(_ login: String, repository: String) -> String {
        if repository.split(separator: "/").first.map(String.init)?.caseInsensitiveCompare(login) == .orderedSame {
            return "OWNER"
        }
        if let user = store.user(login: login), !user.isBot, user.has(atLeast: "write") { return "COLLABORATOR" }
        return store.pullRequests.contains { $0.author == login && $0.repository == repository }
            ? "CONTRIBUTOR" : "NONE"
    }

    func label(_ name: String, repository: String) -> [String: Any] {
        let label = store.label(repository, named: name)
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
        return [
            "id": label.id, "node_id": nodeID("Label", label.id),
            "url": "\(base)/repos/\(repository)/labels/\(encoded)",
            "name": name, "description": "", "color": label.color, "default": false,
        ]
    }

    func reactionRollup(_ comment: StoredComment, url: String) -> [String: Any] {
        var rollup: [String: Any] = ["url": url + "/reactions", "total_count": comment.reactions.count]
        for content in ["+1", "-1", "laugh", "confused", "heart", "hooray", "eyes", "rocket"] {
            rollup[content] = comment.reactions.filter { $0.content == content }.count
        }
        return rollup
    }

    func issueComment(_ comment: StoredComment) -> [String: Any] {
        let url = "\(base)/repos/\(comment.repository)/issues/comments/\(comment.id)"
        return [
            "id": comment.id, "node_id": nodeID("IssueComment", comment.id), "url": url, "body": comment.body,
            "html_url": "\(base)/\(comment.repository)/pull/\(comment.pullRequest)#issuecomment-\(comment.id)",
            "user": user(comment.author), "created_at": comment.createdAt, "updated_at": comment.updatedAt,
            "issue_url": "\(base)/repos/\(comment.repository)/issues/\(comment.pullRequest)",
            "author_association": authorAssociation(comment.author, repository: comment.repository),
            "performed_via_github_app": NSNull(), "reactions": reactionRollup(comment, url: url),
        ]
    }

    func reviewComment(_ comment: StoredComment) -> [String: Any] {
        let url = "\(base)/repos/\(comment.repository)/pulls/comments/\(comment.id)"
        let html = "\(base)/\(comment.repository)/pull/\(comment.pullRequest)#discussion_r\(comment.id)"
        let pullURL = "\(base)/repos/\(comment.repository)/pulls/\(comment.pullRequest)"
        let anchor = comment.anchor
        var object: [String: Any] = [
            "url": url, "pull_request_review_id": comment.reviewID.map { $0 as Any } ?? NSNull(), "id": comment.id,
            "node_id": nodeID("PullRequestReviewComment", comment.id), "diff_hunk": anchor?.diffHunk ?? "",
            "path": anchor?.path ?? "", "position": anchor?.position ?? 1, "original_position": anchor?.position ?? 1,
            "commit_id": anchor?.commitID ?? "", "original_commit_id": anchor?.commitID ?? "",
            "user": user(comment.author),
            "body": comment.body, "created_at": comment.createdAt, "updated_at": comment.updatedAt, "html_url": html,
            "pull_request_url": pullURL,
            "author_association": authorAssociation(comment.author, repository: comment.repository),
            "_links": ["self": ["href": url], "html": ["href": html], "pull_request": ["href": pullURL]],
            "start_line": anchor?.startLine.map { $0 as Any } ?? NSNull(),
            "original_start_line": anchor?.startLine.map { $0 as Any } ?? NSNull(),
            "start_side": anchor?.startSide.map { $0 as Any } ?? NSNull(),
            "line": anchor?.line ?? 1, "original_line": anchor?.line ?? 1, "side": anchor?.side ?? "RIGHT",
            "subject_type": "line", "reactions": reactionRollup(comment, url: url),
        ]
        if let inReplyTo = comment.inReplyTo { object["in_reply_to_id"] = inReplyTo }
        return object
    }

    func review(_ review: StoredReview) -> [String: Any] {
        let html = "\(base)/\(review.repository)/pull/\(review.pullRequest)#pullrequestreview-\(review.id)"
        let pullURL = "\(base)/repos/\(review.repository)/pulls/\(review.pullRequest)"
        var object: [String: Any] = [
            "id": review.id, "node_id": nodeID("PullRequestReview", review.id), "user": user(review.author),
            "body": review.body,
            "state": review.state, "html_url": html, "pull_request_url": pullURL,
            "_links": ["html": ["href": html], "pull_request": ["href": pullURL]], "commit_id": review.commitID,
            "author_association": authorAssociation(review.author, repository: review.repository),
        ]
        if let submittedAt = review.submittedAt { object["submitted_at"] = submittedAt }
        return object
    }

    func status(_ status: StoredStatus) -> [String: Any] {
        [
            "url": "\(base)/repos/\(status.repository)/statuses/\(status.sha)", "avatar_url": NSNull(), "id": status.id,
            "node_id": nodeID("StatusContext", status.id), "state": status.state,
            "description": status.description ?? "",
            "target_url": status.targetURL ?? "", "context": status.context, "created_at": status.createdAt,
            "updated_at": status.createdAt, "creator": user(status.creator),
        ]
    }

    func gitRef(_ branch: String, sha: String, repository: String) -> [String: Any] {
        [
            "ref": "refs/heads/\(branch)", "node_id": nodeID("Ref", stableNumber("\(repository)/\(branch)")),
            "url": "\(base)/repos/\(repository)/git/refs/heads/\(branch)",
            "object": ["type": "commit", "sha": sha, "url": "\(base)/repos/\(repository)/git/commits/\(sha)"],
        ]
    }
}
