import Forge
import JSONKit

/// Gitea answers shaped by the Swagger definitions of shared/forge/gitea/openapi-subset.json
/// (PullRequest, PRBranchInfo, Repository, ChangedFile, Comment, PullReview, PullReviewComment).
enum GiteaPayloadFixtures {
    static func repository(_ fullName: String, id: Int) -> JSONValue {
        [
            "id": JSONValue(id), "full_name": .string(fullName),
            "name": .string(String(fullName.split(separator: "/").last ?? "")),
            "clone_url": .string("https://gitea.example/\(fullName).git"),
            "ssh_url": .string("git@gitea.example:\(fullName).git"),
            "default_branch": "main", "fork": .bool(fullName != "octo/deploy"), "private": false,
        ]
    }

    static let user: JSONValue = [
        "id": 3, "login": "alice", "full_name": "Alice", "email": "alice@example.com", "is_admin": false,
    ]

    static func pullRequest(headRepository: String = "octo/deploy", merged: Bool = false, state: String = "open")
        -> JSONValue
    {
        [
            "id": 412, "number": 7, "user": user, "title": "Raise memory limits", "body": "Bumps the API's limits.",
            "labels": [["id": 2, "name": "infra", "color": "00aabb"]], "state": .string(state), "draft": false,
            "html_url": "https://gitea.example/octo/deploy/pulls/7", "mergeable": true, "merged": .bool(merged),
            "merged_at": merged ? "2026-07-20T10:00:00Z" : nil,
            "merge_base": "1111111111111111111111111111111111111111",
            "allow_maintainer_edit": true,
            "base": [
                "label": "main", "ref": "main", "sha": "1111111111111111111111111111111111111111", "repo_id": 10,
                "repo": repository("octo/deploy", id: 10),
            ],
            "head": [
                "label": "limits", "ref": "limits", "sha": "2222222222222222222222222222222222222222",
                "repo_id": headRepository == "octo/deploy" ? 10 : 11,
                "repo": repository(headRepository, id: headRepository == "octo/deploy" ? 10 : 11),
            ],
        ]
    }

    static let files: JSONValue = [
        ["filename": "apps/api/deployment.yaml", "status": "modified", "additions": 2, "deletions": 1, "changes": 3],
        ["filename": "apps/web/service.yaml", "status": "added", "additions": 12, "deletions": 0, "changes": 12],
        ["filename": "apps/old/cronjob.yaml", "status": "deleted", "additions": 0, "deletions": 30, "changes": 30],
        [
            "filename": "apps/api/hpa.yaml", "previous_filename": "apps/api/autoscaler.yaml", "status": "renamed",
            "additions": 0, "deletions": 0, "changes": 0,
        ],
    ]

    static func issueComment(id: Int, body: String, login: String) -> JSONValue {
        [
            "id": JSONValue(id), "body": .string(body), "user": ["id": 5, "login": .string(login)],
            "html_url": .string("https://gitea.example/octo/deploy/pulls/7#issuecomment-\(id)"),
            "created_at": "2026-07-20T09:00:00Z",
        ]
    }

    static func review(id: Int, state: String, comments: Int) -> JSONValue {
        [
            "id": JSONValue(id), "user": ["id": 9, "login": "shipshape"], "body": "Shipshape review",
            "commit_id": "2222222222222222222222222222222222222222",
            "state": .string(state), "comments_count": JSONValue(comments), "stale": false, "dismissed": false,
            "official": false,
        ]
    }

    static func reviewComment(
        id: Int, reviewID: Int, path: String, position: Int, originalPosition: Int = 0, resolved: Bool = false
    ) -> JSONValue {
        [
            "id": JSONValue(id), "pull_request_review_id": JSONValue(reviewID), "body": "Set a memory limit.",
            "path": .string(path),
            "position": JSONValue(position), "original_position": JSONValue(originalPosition),
            "commit_id": "2222222222222222222222222222222222222222",
            "user": ["id": 9, "login": "shipshape"], "resolver": resolved ? ["id": 3, "login": "alice"] : nil,
            "diff_hunk": "@@ -10,3 +10,4 @@", "created_at": "2026-07-20T09:05:00Z",
        ]
    }
}
