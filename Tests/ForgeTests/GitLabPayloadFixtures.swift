import Forge
import JSONKit

/// GitLab answers shaped by GitLab's API entities (response-schemas/public_api/v4/merge_request.json
/// and notes.json in shared/forge/gitlab, plus the single merge request's `diff_refs` and the
/// discussion, version and diff entities of GitLab's documentation).
enum GitLabPayloadFixtures {
    static let author: JSONValue = [
        "id": 51, "name": "Alice", "username": "alice", "state": "active",
        "avatar_url": "https://gitlab.example/uploads/alice.png", "web_url": "https://gitlab.example/alice",
    ]
    static let bot: JSONValue = [
        "id": 90, "name": "Shipshape", "username": "shipshape", "state": "active",
        "avatar_url": "https://gitlab.example/uploads/bot.png", "web_url": "https://gitlab.example/shipshape",
    ]

    static func mergeRequest(sourceProjectID: Int = 14, state: String = "opened") -> JSONValue {
        [
            "id": 99, "iid": 1, "project_id": 14, "title": "MS-Viewport", "description": "Adds the viewport.",
            "state": .string(state),
            "created_at": "2013-12-03T17:23:34Z", "updated_at": "2013-12-03T17:23:34Z", "target_branch": "master",
            "source_branch": "ms-viewport",
            "upvotes": 0, "downvotes": 0, "author": author, "assignee": nil,
            "source_project_id": JSONValue(sourceProjectID),
            "target_project_id": 14,
            "labels": ["API", "infra"], "work_in_progress": false, "draft": false, "milestone": nil,
            "merge_when_pipeline_succeeds": false,
            "merge_status": "can_be_merged", "sha": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", "merge_commit_sha": nil,
            "user_notes_count": 2, "should_remove_source_branch": nil, "force_remove_source_branch": false,
            "allow_collaboration": true,
            "web_url": "https://gitlab.example/platform/infra/deploy/-/merge_requests/1", "squash": false,
            "diff_refs": [
                "base_sha": "c380d3acebd181f13629a25d2e2acca46ffe1e00",
                "head_sha": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                "start_sha": "c380d3acebd181f13629a25d2e2acca46ffe1e00",
            ],
        ]
    }

    static func project(id: Int, path: String) -> JSONValue {
        [
            "id": JSONValue(id), "path_with_namespace": .string(path), "default_branch": "master",
            "http_url_to_repo": .string("https://gitlab.example/\(path).git"),
            "ssh_url_to_repo": .string("git@gitlab.example:\(path).git"),
        ]
    }

    static let diffs: JSONValue = [
        [
            "old_path": "apps/api/deployment.yaml", "new_path": "apps/api/deployment.yaml", "a_mode": "100644",
            "b_mode": "100644",
            "new_file": false, "renamed_file": false, "deleted_file": false, "diff": "@@ -10,3 +10,4 @@",
        ],
        [
            "old_path": "apps/web/service.yaml", "new_path": "apps/web/service.yaml", "a_mode": "0", "b_mode": "100644",
            "new_file": true, "renamed_file": false, "deleted_file": false, "diff": "@@ -0,0 +1,12 @@",
        ],
        [
            "old_path": "apps/old/cronjob.yaml", "new_path": "apps/old/cronjob.yaml", "a_mode": "100644", "b_mode": "0",
            "new_file": false, "renamed_file": false, "deleted_file": true, "diff": "@@ -1,30 +0,0 @@",
        ],
        [
            "old_path": "apps/api/autoscaler.yaml", "new_path": "apps/api/hpa.yaml", "a_mode": "100644",
            "b_mode": "100644",
            "new_file": false, "renamed_file": true, "deleted_file": false, "diff": "",
        ],
    ]

    /// Newest first, as GitLab lists them.
    static let versions: JSONValue = [
        [
            "id": 110, "head_commit_sha": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
            "base_commit_sha": "c380d3acebd181f13629a25d2e2acca46ffe1e00",
            "start_commit_sha": "c380d3acebd181f13629a25d2e2acca46ffe1e00", "state": "collected", "real_size": "4",
        ],
        [
            "id": 108, "head_commit_sha": "33e2ee8579fda5bc36accc9c6fbd0b4fefda9e30",
            "base_commit_sha": "eeb57dffe83deb686a60a71c16c32f71046868fd",
            "start_commit_sha": "eeb57dffe83deb686a60a71c16c32f71046868fd", "state": "collected", "real_size": "2",
        ],
    ]

    static func note(
        id: Int, body: String, author: JSONValue, system: Bool = false, position: JSONValue = nil, resolved: Bool? = nil
    ) -> JSONValue {
        var note: [String: JSONValue] = [
            "id": JSONValue(id), "type": position == .null ? nil : "DiffNote", "body": .string(body), "attachment": nil,
            "author": author, "created_at": "2013-12-03T17:30:00Z", "updated_at": "2013-12-03T17:30:00Z",
            "system": .bool(system), "noteable_id": 99, "noteable_type": "MergeRequest", "noteable_iid": 1,
            "position": position,
        ]
        if let resolved {
            note["resolvable"] = true
            note["resolved"] = .bool(resolved)
        } else {
            note["resolvable"] = false
        }
        return .object(note)
    }

    static func position(path: String, oldPath: String? = nil, newLine: Int?, oldLine: Int? = nil) -> JSONValue {
        [
            "base_sha": "c380d3acebd181f13629a25d2e2acca46ffe1e00",
            "start_sha": "c380d3acebd181f13629a25d2e2acca46ffe1e00",
            "head_sha": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", "position_type": "text", "new_path": .string(path),
            "old_path": .string(oldPath ?? path), "new_line": newLine.map { JSONValue($0) } ?? nil,
            "old_line": oldLine.map { JSONValue($0) } ?? nil,
        ]
    }

    static func discussion(id: String, individual: Bool, notes: [JSONValue]) -> JSONValue {
        ["id": .string(id), "individual_note": .bool(individual), "notes": .array(notes)]
    }
}
