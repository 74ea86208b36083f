import Foundation

extension GitHubJSON {
    /// `pull-request` (full) or `pull-request-simple` (lists).
    func pullRequest(_ pull: StoredPullRequest, viewer: StoredUser?, full: Bool) -> [String: Any] {
        let api = "\(base)/repos/\(pull.repository)/pulls/\(pull.number)"
        let issue = "\(base)/repos/\(pull.repository)/issues/\(pull.number)"
        let html = "\(base)/\(pull.repository)/pull/\(pull.number)"
        let statuses = "\(base)/repos/\(pull.repository)/statuses/\(pull.headSHA)"
        var object: [String: Any] = [
            "url": api, "id": pull.id, "node_id": nodeID("PullRequest", pull.id), "html_url": html,
            "diff_url": html + ".diff", "patch_url": html + ".patch", "issue_url": issue,
            "commits_url": api + "/commits",
            "review_comments_url": api + "/comments",
            "review_comment_url": "\(base)/repos/\(pull.repository)/pulls/comments{/number}",
            "comments_url": issue + "/comments", "statuses_url": statuses, "number": pull.number, "state": pull.state,
            "locked": false, "title": pull.title, "user": user(pull.author),
            "body": pull.body.isEmpty ? NSNull() : pull.body,
            "labels": pull.labels.map { label($0, repository: pull.repository) }, "milestone": NSNull(),
            "active_lock_reason": NSNull(), "created_at": pull.createdAt, "updated_at": pull.updatedAt,
            "closed_at": pull.closedAt.map { $0 as Any } ?? NSNull(), "merged_at": NSNull(),
            "merge_commit_sha": NSNull(),
            "assignee": NSNull(), "assignees": [Any](), "requested_reviewers": [Any](), "requested_teams": [Any](),
            "head": branch(
                pull.headBranch, sha: pull.headSHA, repository: pull.headRepository ?? pull.repository, viewer: viewer),
            "base": branch(pull.baseBranch, sha: pull.baseSHA, repository: pull.repository, viewer: viewer),
            "_links": [
                "self": ["href": api], "html": ["href": html], "issue": ["href": issue],
                "comments": ["href": issue + "/comments"],
                "review_comments": ["href": api + "/comments"],
                "review_comment": ["href": "\(base)/repos/\(pull.repository)/pulls/comments{/number}"],
                "commits": ["href": api + "/commits"], "statuses": ["href": statuses],
            ],
            "author_association": authorAssociation(pull.author, repository: pull.repository), "draft": pull.draft,
            "auto_merge": NSNull(),
        ]
        guard full else { return object }
        object["merged"] = false
        object["mergeable"] = pull.state == "open" ? true : NSNull()
        object["rebaseable"] = pull.state == "open" ? true : NSNull()
        object["mergeable_state"] = pull.state == "open" ? "clean" : "unknown"
        object["merged_by"] = NSNull()
        object["comments"] = store.comments(pull.repository, pull.number, kind: .conversation).count
        object["review_comments"] = store.comments(pull.repository, pull.number, kind: .inline).count
        object["maintainer_can_modify"] = pull.maintainerCanModify
        object["commits"] = pull.versions.count
        object["additions"] = pull.files.reduce(0) { $0 + $1.additions }
        object["deletions"] = pull.files.reduce(0) { $0 + $1.deletions }
        object["changed_files"] = pull.files.count
        return object
    }

    private func branch(_ name: String, sha: String, repository fullName: String, viewer: StoredUser?) -> [String: Any]
    {
        let stored = try? store.repository(fullName)
        let owner = stored?.owner ?? String(fullName.split(separator: "/").first ?? "")
        return [
            "label": "\(owner):\(name)", "ref": name, "sha": sha, "user": user(owner),
            "repo": stored.map { repository($0, viewer: viewer) as Any } ?? NSNull(),
        ]
    }

    func diffEntry(_ file: TestForgeState.SeededFile, pull: StoredPullRequest) -> [String: Any] {
        let encoded = file.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file.path
        var object: [String: Any] = [
            "sha": String(repeating: "0", count: 24) + String(format: "%016llx", stableHash(Array(file.patch.utf8))),
            "filename": file.path, "status": file.status, "additions": file.additions, "deletions": file.deletions,
            "changes": file.additions + file.deletions,
            "blob_url": "\(base)/\(pull.repository)/blob/\(pull.headSHA)/\(encoded)",
            "raw_url": "\(base)/\(pull.repository)/raw/\(pull.headSHA)/\(encoded)",
            "contents_url": "\(base)/repos/\(pull.repository)/contents/\(encoded)?ref=\(pull.headSHA)",
            "patch": file.patch,
        ]
        if let previous = file.previousPath { object["previous_filename"] = previous }
        return object
    }

    func checkRun(_ run: StoredCheckRun) -> [String: Any] {
        let url = "\(base)/repos/\(run.repository)/check-runs/\(run.id)"
        let pulls = store.pullRequests.filter {
            $0.repository == run.repository && $0.headSHA == run.headSHA && $0.state == "open"
        }
        return [
            "id": run.id, "head_sha": run.headSHA, "node_id": nodeID("CheckRun", run.id),
            "external_id": run.externalID ?? "", "url": url, "html_url": "\(base)/\(run.repository)/runs/\(run.id)",
            "details_url": run.detailsURL.map { $0 as Any } ?? NSNull(), "status": run.status,
            "conclusion": run.conclusion.map { $0 as Any } ?? NSNull(),
            "started_at": run.startedAt.map { $0 as Any } ?? NSNull(),
            "completed_at": run.completedAt.map { $0 as Any } ?? NSNull(),
            "output": [
                "title": run.title.map { $0 as Any } ?? NSNull(), "summary": run.summary.map { $0 as Any } ?? NSNull(),
                "text": run.text.map { $0 as Any } ?? NSNull(), "annotations_count": run.annotations.count,
                "annotations_url": url + "/annotations",
            ],
            "name": run.name, "check_suite": ["id": run.id + 7_000_000], "app": app() ?? NSNull(),
            "pull_requests": pulls.map { pull in
                [
                    "id": pull.id, "number": pull.number,
                    "url": "\(base)/repos/\(pull.repository)/pulls/\(pull.number)",
                    "head": [
                        "ref": pull.headBranch, "sha": pull.headSHA,
                        "repo": minimalRepository(pull.headRepository ?? pull.repository),
                    ],
                    "base": ["ref": pull.baseBranch, "sha": pull.baseSHA, "repo": minimalRepository(pull.repository)],
                ] as [String: Any]
            },
        ]
    }

    private func minimalRepository(_ fullName: String) -> [String: Any] {
        let id = (try? store.repository(fullName))?.id ?? 0
        return [
            "id": id, "url": "\(base)/repos/\(fullName)", "name": String(fullName.split(separator: "/").last ?? ""),
        ]
    }

    /// The `integration` object of the registered app.
    func app() -> [String: Any]? {
        guard let app = store.app else { return nil }
        let id = Int(app.appID) ?? stableNumber(app.appID)
        return [
            "id": id, "slug": app.slug, "node_id": nodeID("App", id), "owner": NSNull(), "name": app.slug.capitalized,
            "description": "Kubernetes configuration review", "external_url": "\(base)/apps/\(app.slug)",
            "html_url": "\(base)/apps/\(app.slug)", "created_at": "2025-01-01T00:00:00Z",
            "updated_at": "2025-01-01T00:00:00Z",
            "permissions": GitHubJSON.appPermissions,
            "events": ["pull_request", "issue_comment", "check_suite", "check_run"],
        ]
    }

    static let appPermissions: [String: String] = [
        "checks": "write", "contents": "write", "issues": "write", "metadata": "read", "pull_requests": "write",
        "statuses": "write",
    ]

    func installation(for repository: StoredRepository) -> [String: Any]? {
        guard let app = store.app else { return nil }
        let owner = user(repository.owner)
        return [
            "id": app.installationID, "account": owner, "repository_selection": "all",
            "access_tokens_url": "\(base)/app/installations/\(app.installationID)/access_tokens",
            "repositories_url": "\(base)/installation/repositories",
            "html_url": "\(base)/settings/installations/\(app.installationID)",
            "app_id": Int(app.appID) ?? stableNumber(app.appID),
            "target_id": owner["id"] ?? 0, "target_type": "Organization", "permissions": GitHubJSON.appPermissions,
            "events": ["pull_request", "issue_comment", "check_suite", "check_run"],
            "created_at": "2025-01-01T00:00:00Z",
            "updated_at": "2025-01-01T00:00:00Z", "single_file_name": NSNull(), "app_slug": app.slug,
        ]
    }
}
