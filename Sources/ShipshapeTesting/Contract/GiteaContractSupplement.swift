import JSONKit
import JSONSchema

/// The issue operations of Gitea's Swagger (`templates/swagger/v1_json.tmpl`: issueListIssues,
/// issueCreateIssue, issueEditIssue, and the definitions they use), which the subsets in
/// `shared/forge/gitea/` were cut without. Transcribed from go-gitea/gitea at 002a46fe; Forgejo
/// serves the same operations from the same structs (`modules/structs/issue.go`). Merged into
/// the Gitea and Forgejo descriptions before they are read; definitions a file already has are kept.
enum GiteaContractSupplement {
    static let ownerRepository: [JSONValue] = [
        ["type": "string", "name": "owner", "in": "path", "required": true],
        ["type": "string", "name": "repo", "in": "path", "required": true],
    ]

    static let paths: [String: [String: JSONValue]] = [
        "/repos/{owner}/{repo}/issues": [
            "get": [
                "operationId": "issueListIssues",
                "parameters": .array(
                    ownerRepository + [
                        ["enum": ["closed", "open", "all"], "type": "string", "name": "state", "in": "query"],
                        ["type": "string", "name": "labels", "in": "query"],
                        ["type": "string", "name": "q", "in": "query"],
                        ["enum": ["issues", "pulls"], "type": "string", "name": "type", "in": "query"],
                        ["type": "string", "name": "milestones", "in": "query"],
                        ["type": "string", "format": "date-time", "name": "since", "in": "query"],
                        ["type": "string", "format": "date-time", "name": "before", "in": "query"],
                        ["type": "string", "name": "created_by", "in": "query"],
                        ["type": "string", "name": "assigned_by", "in": "query"],
                        ["type": "string", "name": "mentioned_by", "in": "query"],
                        ["type": "integer", "name": "page", "in": "query"],
                        ["type": "integer", "name": "limit", "in": "query"],
                    ]),
                "responses": ["200": ["schema": ["type": "array", "items": ["$ref": "#/definitions/Issue"]]]],
            ],
            "post": [
                "operationId": "issueCreateIssue",
                "parameters": .array(
                    ownerRepository + [
                        ["name": "body", "in": "body", "schema": ["$ref": "#/definitions/CreateIssueOption"]]
                    ]),
                "responses": [
                    "201": ["schema": ["$ref": "#/definitions/Issue"]], "403": ["description": "forbidden"],
                    "412": ["description": "error"], "422": ["description": "validationError"],
                ],
            ],
        ],
        "/repos/{owner}/{repo}/issues/{index}": [
            "patch": [
                "operationId": "issueEditIssue",
                "parameters": .array(
                    ownerRepository + [
                        ["type": "integer", "format": "int64", "name": "index", "in": "path", "required": true],
                        ["name": "body", "in": "body", "schema": ["$ref": "#/definitions/EditIssueOption"]],
                    ]),
                "responses": [
                    "201": ["schema": ["$ref": "#/definitions/Issue"]], "403": ["description": "forbidden"],
                    "404": ["description": "notFound"], "412": ["description": "error"],
                ],
            ]
        ],
    ]

    static let definitions: [String: JSONValue] = [
        "Issue": [
            "type": "object",
            "properties": [
                "assignee": ["$ref": "#/definitions/User"],
                "assignees": ["type": "array", "items": ["$ref": "#/definitions/User"]],
                "body": ["type": "string"],
                "closed_at": ["type": "string", "format": "date-time"],
                "comments": ["type": "integer", "format": "int64"],
                "created_at": ["type": "string", "format": "date-time"],
                "due_date": ["type": "string", "format": "date-time"],
                "html_url": ["type": "string"],
                "id": ["type": "integer", "format": "int64"],
                "is_locked": ["type": "boolean"],
                "labels": ["type": "array", "items": ["$ref": "#/definitions/Label"]],
                "milestone": ["$ref": "#/definitions/Milestone"],
                "number": ["type": "integer", "format": "int64"],
                "original_author": ["type": "string"],
                "original_author_id": ["type": "integer", "format": "int64"],
                "pull_request": ["$ref": "#/definitions/PullRequestMeta"],
                "ref": ["type": "string"],
                "repository": ["$ref": "#/definitions/RepositoryMeta"],
                "state": ["$ref": "#/definitions/StateType"],
                "title": ["type": "string"],
                "updated_at": ["type": "string", "format": "date-time"],
                "url": ["type": "string"],
                "user": ["$ref": "#/definitions/User"],
            ],
        ],
        "CreateIssueOption": [
            "type": "object", "required": ["title"],
            "properties": [
                "assignee": ["type": "string"], "assignees": ["type": "array", "items": ["type": "string"]],
                "body": ["type": "string"], "closed": ["type": "boolean"],
                "due_date": ["type": "string", "format": "date-time"],
                "labels": ["type": "array", "items": ["type": "integer", "format": "int64"]],
                "milestone": ["type": "integer", "format": "int64"], "ref": ["type": "string"],
                "title": ["type": "string"],
            ],
        ],
        "EditIssueOption": [
            "type": "object",
            "properties": [
                "assignee": ["type": "string"], "assignees": ["type": "array", "items": ["type": "string"]],
                "body": ["type": "string"], "due_date": ["type": "string", "format": "date-time"],
                "milestone": ["type": "integer", "format": "int64"], "ref": ["type": "string"],
                "state": ["type": "string"], "title": ["type": "string"], "unset_due_date": ["type": "boolean"],
            ],
        ],
        "PullRequestMeta": [
            "type": "object",
            "properties": [
                "merged": ["type": "boolean"], "merged_at": ["type": "string", "format": "date-time"],
                "html_url": ["type": "string"], "draft": ["type": "boolean"],
            ],
        ],
        "RepositoryMeta": [
            "type": "object",
            "properties": [
                "id": ["type": "integer", "format": "int64"], "name": ["type": "string"],
                "owner": ["type": "string"], "full_name": ["type": "string"],
            ],
        ],
        "StateType": ["description": "StateType issue state type", "type": "string"],
    ]

    /// `document` with the paths above added and the definitions it lacks.
    static func applied(to document: JSONValue) -> JSONValue {
        guard case .object(var root) = document else { return document }
        APIDescriptionPaths.adding(paths, to: &root)
        var existing = root["definitions"]?.objectValue ?? [:]
        existing.merge(definitions) { kept, _ in kept }
        root["definitions"] = .object(existing)
        return .object(root)
    }
}
