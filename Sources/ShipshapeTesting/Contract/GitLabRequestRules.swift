import JSONKit
import JSONSchema

/// What GitLab requires of the request bodies the bot sends, as JSON Schemas. The facts come
/// from GitLab's REST documentation: `doc/api/discussions.md` (new merge request thread with a
/// diff `position`, resolve a thread, add and modify a thread note), `doc/api/commits.md` (set
/// the pipeline status of a commit), `doc/api/merge_requests.md` (create and update a merge
/// request), `doc/api/notes.md` (create and modify a merge request note) and
/// `doc/api/emoji_reactions.md` (award an emoji to a note) and `doc/api/issues.md` (new issue,
/// edit issue). Only required fields and the types
/// of the fields the bot sends are checked; GitLab ignores fields it does not know.
enum GitLabRequestRules {
    static let note: JSONValue = [
        "type": "object",
        "required": ["body"],
        "properties": ["body": ["type": "string", "minLength": 1]],
    ]

    static let createMergeRequest: JSONValue = [
        "type": "object",
        "required": ["source_branch", "target_branch", "title"],
        "properties": [
            "source_branch": ["type": "string", "minLength": 1],
            "target_branch": ["type": "string", "minLength": 1],
            "title": ["type": "string", "minLength": 1],
            "description": ["type": "string"],
            "labels": ["type": "string"],
            "remove_source_branch": ["type": "boolean"],
            "squash": ["type": "boolean"],
        ],
    ]

    /// "You must include at least one non-required attribute."
    static let updateMergeRequest: JSONValue = [
        "type": "object",
        "minProperties": 1,
        "properties": [
            "title": ["type": "string", "minLength": 1],
            "description": ["type": "string"],
            "state_event": ["type": "string", "enum": ["close", "reopen"]],
            "labels": ["type": "string"],
            "add_labels": ["type": "string"],
            "remove_labels": ["type": "string"],
            "target_branch": ["type": "string"],
        ],
    ]

    static let commitStatus: JSONValue = [
        "type": "object",
        "required": ["state"],
        "properties": [
            "state": ["type": "string", "enum": ["pending", "running", "success", "failed", "canceled", "skipped"]],
            "ref": ["type": "string"],
            "name": ["type": "string"],
            "context": ["type": "string"],
            "target_url": ["type": "string"],
            "description": ["type": "string"],
            "coverage": ["type": "number"],
            "pipeline_id": ["type": "integer"],
        ],
    ]

    /// A thread on a diff line: the three SHAs of the merge request's latest version, and for a
    /// `text` position the file and the line (`new_line` for an added or context line, `old_line`
    /// for a removed one). The bot only posts text positions, so `image` and `file` are refused.
    static let diffPosition: JSONValue = [
        "type": "object",
        "required": ["base_sha", "start_sha", "head_sha", "position_type", "new_path"],
        "properties": [
            "base_sha": ["type": "string", "minLength": 1],
            "start_sha": ["type": "string", "minLength": 1],
            "head_sha": ["type": "string", "minLength": 1],
            "position_type": ["type": "string", "enum": ["text"]],
            "new_path": ["type": "string", "minLength": 1],
            "old_path": ["type": "string"],
            "new_line": ["type": "integer", "minimum": 1],
            "old_line": ["type": "integer", "minimum": 1],
        ],
        "anyOf": [["required": ["new_line"]], ["required": ["old_line"]]],
    ]

    static let discussion: JSONValue = [
        "type": "object",
        "required": ["body"],
        "properties": [
            "body": ["type": "string", "minLength": 1],
            "commit_id": ["type": "string"],
            "position": diffPosition,
        ],
    ]

    static let resolveDiscussion: JSONValue = [
        "type": "object",
        "required": ["resolved"],
        "properties": ["resolved": ["type": "boolean"]],
    ]

    /// Exactly one of `body` and `resolved`.
    static let updateDiscussionNote: JSONValue = [
        "type": "object",
        "properties": ["body": ["type": "string", "minLength": 1], "resolved": ["type": "boolean"]],
        "oneOf": [["required": ["body"]], ["required": ["resolved"]]],
    ]

    static let awardEmoji: JSONValue = [
        "type": "object",
        "required": ["name"],
        "properties": ["name": ["type": "string", "minLength": 1]],
    ]

    static let createIssue: JSONValue = [
        "type": "object",
        "required": ["title"],
        "properties": [
            "title": ["type": "string", "minLength": 1],
            "description": ["type": "string"],
            "labels": ["type": "string"],
            "confidential": ["type": "boolean"],
            "issue_type": ["type": "string", "enum": ["issue", "incident", "test_case", "task"]],
        ],
    ]

    /// "At least one of the optional attributes" is needed, as for a merge request.
    static let editIssue: JSONValue = [
        "type": "object",
        "minProperties": 1,
        "properties": [
            "title": ["type": "string", "minLength": 1],
            "description": ["type": "string"],
            "state_event": ["type": "string", "enum": ["close", "reopen"]],
            "labels": ["type": "string"],
            "add_labels": ["type": "string"],
            "remove_labels": ["type": "string"],
            "confidential": ["type": "boolean"],
        ],
    ]
}
