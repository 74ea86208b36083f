import JSONKit
import JSONSchema

/// What GitHub's REST API does today that the 2020 description in `shared/forge/github/` lacks,
/// for the endpoints the bot calls. Merged into that description before it is read, so the
/// schemas here may point at its components. Each entry cites the page of GitHub's REST
/// documentation (docs.github.com/en/rest, API version 2022-11-28) it rests on.
///
/// Secondary rate limits need no entry: any endpoint may answer 403 or 429 with a secondary-limit
/// message ("Rate limits for the REST API", "About secondary rate limits"), and the stand-in's
/// rate-limit answers are checked as injected faults (`TestForge.isInjectedFault`).
enum GitHubContractSupplement {
    static let ownerRepository: [JSONValue] = [
        ["$ref": "#/components/parameters/owner"], ["$ref": "#/components/parameters/repo"],
    ]

    static let paths: [String: [String: JSONValue]] = [
        // "Create reaction for a pull request review comment" (rest/reactions/reactions): 200 when
        // the reaction was there already, 201 when it was added.
        "/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions": [
            "post": [
                "operationId": "reactions/create-for-pull-request-review-comment",
                "parameters": .array(ownerRepository + [["$ref": "#/components/parameters/comment_id"]]),
                "requestBody": json([
                    "type": "object", "required": ["content"],
                    "properties": [
                        "content": [
                            "type": "string",
                            "enum": ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"],
                        ]
                    ],
                ]),
                "responses": [
                    "200": json(["$ref": "#/components/schemas/reaction"]),
                    "201": json(["$ref": "#/components/schemas/reaction"]),
                    "422": ["$ref": "#/components/responses/validation_failed"],
                ],
            ]
        ],
        // "Create a reply for a review comment" (rest/pulls/comments): only top-level comments
        // take replies; the reply joins their thread.
        "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies": [
            "post": [
                "operationId": "pulls/create-reply-for-review-comment",
                "parameters": .array(
                    ownerRepository + [
                        ["$ref": "#/components/parameters/pull-number"], ["$ref": "#/components/parameters/comment_id"],
                    ]),
                "requestBody": json([
                    "type": "object", "required": ["body"], "properties": ["body": ["type": "string"]],
                ]),
                "responses": [
                    "201": json(["$ref": "#/components/schemas/pull-request-review-comment"]),
                    "404": ["$ref": "#/components/responses/not_found"],
                ],
            ]
        ],
        // GraphQL ("Forming calls with GraphQL", docs.github.com/en/graphql): one POST of a query
        // and its variables; the answer is 200 with `data`, and `errors` when something failed.
        "/graphql": [
            "post": [
                "operationId": "graphql",
                "requestBody": json([
                    "type": "object", "required": ["query"],
                    "properties": [
                        "query": ["type": "string", "minLength": 1], "variables": ["type": "object"],
                    ],
                ]),
                "responses": [
                    "200": json([
                        "type": "object",
                        "properties": ["data": ["nullable": true, "type": "object"], "errors": ["type": "array"]],
                    ])
                ],
            ]
        ],
        // "List check runs for a Git reference" (rest/checks/runs): `ref` is a SHA, branch or tag
        // name; `filter` is latest (the default: the newest run of each name) or all; the answer
        // is an object with the page of runs and the total.
        "/repos/{owner}/{repo}/commits/{ref}/check-runs": [
            "get": [
                "operationId": "checks/list-for-ref",
                "parameters": .array(
                    ownerRepository + [
                        ["name": "ref", "in": "path", "required": true, "schema": ["type": "string"]],
                        ["name": "check_name", "in": "query", "schema": ["type": "string"]],
                        [
                            "name": "status", "in": "query",
                            "schema": ["type": "string", "enum": ["queued", "in_progress", "completed"]],
                        ],
                        [
                            "name": "filter", "in": "query",
                            "schema": ["type": "string", "enum": ["latest", "all"], "default": "latest"],
                        ],
                        ["$ref": "#/components/parameters/per_page"], ["$ref": "#/components/parameters/page"],
                        ["name": "app_id", "in": "query", "schema": ["type": "integer"]],
                    ]),
                "responses": [
                    "200": json([
                        "type": "object", "required": ["total_count", "check_runs"],
                        "properties": [
                            "total_count": ["type": "integer"],
                            "check_runs": ["type": "array", "items": ["$ref": "#/components/schemas/check-run"]],
                        ],
                    ])
                ],
            ]
        ],
        // "List repository issues", "Create an issue", "Update an issue" (rest/issues/issues). The
        // list holds pull requests too, each with a `pull_request` object; `creator` filters by
        // the login that opened them; `state` is open (the default), closed or all.
        "/repos/{owner}/{repo}/issues": [
            "get": [
                "operationId": "issues/list-for-repo",
                "parameters": .array(
                    ownerRepository + [
                        ["name": "milestone", "in": "query", "schema": ["type": "string"]],
                        [
                            "name": "state", "in": "query",
                            "schema": ["type": "string", "enum": ["open", "closed", "all"], "default": "open"],
                        ],
                        ["name": "assignee", "in": "query", "schema": ["type": "string"]],
                        ["name": "creator", "in": "query", "schema": ["type": "string"]],
                        ["name": "mentioned", "in": "query", "schema": ["type": "string"]],
                        ["name": "labels", "in": "query", "schema": ["type": "string"]],
                        [
                            "name": "sort", "in": "query",
                            "schema": ["type": "string", "enum": ["created", "updated", "comments"]],
                        ],
                        ["name": "direction", "in": "query", "schema": ["type": "string", "enum": ["asc", "desc"]]],
                        ["$ref": "#/components/parameters/since"],
                        ["$ref": "#/components/parameters/per_page"], ["$ref": "#/components/parameters/page"],
                    ]),
                "responses": [
                    "200": json(["type": "array", "items": ["$ref": "#/components/schemas/issue"]]),
                    "301": ["$ref": "#/components/responses/moved_permanently"],
                    "404": ["$ref": "#/components/responses/not_found"],
                    "422": ["$ref": "#/components/responses/validation_failed"],
                ],
            ],
            "post": [
                "operationId": "issues/create",
                "parameters": .array(ownerRepository),
                "requestBody": json([
                    "type": "object", "required": ["title"],
                    "properties": [
                        "title": ["oneOf": [["type": "string"], ["type": "integer"]]],
                        "body": ["type": "string"],
                        "assignee": ["type": "string", "nullable": true],
                        "milestone": ["oneOf": [["type": "string"], ["type": "integer"]], "nullable": true],
                        "labels": ["type": "array"],
                        "assignees": ["type": "array", "items": ["type": "string"]],
                    ],
                ]),
                "responses": [
                    "201": json(["$ref": "#/components/schemas/issue"]),
                    "403": ["$ref": "#/components/responses/forbidden"],
                    "404": ["$ref": "#/components/responses/not_found"],
                    "410": ["$ref": "#/components/responses/gone"],
                    "422": ["$ref": "#/components/responses/validation_failed"],
                ],
            ],
        ],
        "/repos/{owner}/{repo}/issues/{issue_number}": [
            "patch": [
                "operationId": "issues/update",
                "parameters": .array(ownerRepository + [["$ref": "#/components/parameters/issue_number"]]),
                "requestBody": json([
                    "type": "object",
                    "properties": [
                        "title": ["oneOf": [["type": "string"], ["type": "integer"]], "nullable": true],
                        "body": ["type": "string", "nullable": true],
                        "assignee": ["type": "string", "nullable": true],
                        "state": ["type": "string", "enum": ["open", "closed"]],
                        "state_reason": [
                            "type": "string", "enum": ["completed", "not_planned", "reopened"], "nullable": true,
                        ],
                        "milestone": ["oneOf": [["type": "string"], ["type": "integer"]], "nullable": true],
                        "labels": ["type": "array"],
                        "assignees": ["type": "array", "items": ["type": "string"]],
                    ],
                ]),
                "responses": [
                    "200": json(["$ref": "#/components/schemas/issue"]),
                    "301": ["$ref": "#/components/responses/moved_permanently"],
                    "403": ["$ref": "#/components/responses/forbidden"],
                    "404": ["$ref": "#/components/responses/not_found"],
                    "410": ["$ref": "#/components/responses/gone"],
                    "422": ["$ref": "#/components/responses/validation_failed"],
                ],
            ]
        ],
        // "Get the authenticated app" (rest/apps/apps): with the App's JWT; `slug` names the
        // App, whose comments are by `<slug>[bot]`. A JWT GitHub cannot verify (another App's
        // key, a revoked one) is 401, as "Authenticating as a GitHub App" describes.
        "/app": [
            "get": [
                "operationId": "apps/get-authenticated",
                "responses": [
                    "200": json(["$ref": "#/components/schemas/integration"]),
                    "401": ["$ref": "#/components/responses/requires_authentication"],
                ],
            ]
        ],
    ]

    /// Fields added to the description's schemas. "Get repository permissions for a user"
    /// (rest/collaborators/collaborators): `role_name` is the repository role, custom roles
    /// included, while `permission` stays one of admin, write, read, none.
    static let schemaProperties: [String: [String: JSONValue]] = [
        "repository-collaborator-permission": ["role_name": ["type": "string"]]
    ]

    /// Schemas the 2020 description lacks. `issue` ("Get an issue", rest/issues/issues): the
    /// fields GitHub always sends, `body` null when empty, `pull_request` only on pull requests.
    static let schemas: [String: JSONValue] = [
        "issue": [
            "type": "object",
            "required": [
                "id", "node_id", "url", "repository_url", "labels_url", "comments_url", "events_url", "html_url",
                "number", "state", "title", "user", "labels", "assignee", "milestone", "locked", "comments",
                "closed_at", "created_at", "updated_at", "author_association",
            ],
            "properties": [
                "id": ["type": "integer"], "node_id": ["type": "string"], "url": ["type": "string"],
                "repository_url": ["type": "string"], "labels_url": ["type": "string"],
                "comments_url": ["type": "string"], "events_url": ["type": "string"], "html_url": ["type": "string"],
                "number": ["type": "integer"], "state": ["type": "string"],
                "state_reason": [
                    "type": "string", "enum": ["completed", "reopened", "not_planned"], "nullable": true,
                ],
                "title": ["type": "string"], "body": ["type": "string", "nullable": true],
                "user": ["$ref": "#/components/schemas/simple-user"],
                "labels": ["type": "array"],
                "assignee": ["nullable": true, "allOf": [["$ref": "#/components/schemas/simple-user"]]],
                "assignees": ["type": "array", "items": ["$ref": "#/components/schemas/simple-user"]],
                "milestone": ["nullable": true, "allOf": [["$ref": "#/components/schemas/milestone"]]],
                "locked": ["type": "boolean"], "active_lock_reason": ["type": "string", "nullable": true],
                "comments": ["type": "integer"],
                "pull_request": [
                    "type": "object", "required": ["url", "html_url", "diff_url", "patch_url"],
                    "properties": [
                        "url": ["type": "string"], "html_url": ["type": "string"], "diff_url": ["type": "string"],
                        "patch_url": ["type": "string"],
                        "merged_at": ["type": "string", "format": "date-time", "nullable": true],
                    ],
                ],
                "closed_at": ["type": "string", "format": "date-time", "nullable": true],
                "created_at": ["type": "string", "format": "date-time"],
                "updated_at": ["type": "string", "format": "date-time"],
                "author_association": ["type": "string"],
            ],
        ]
    ]

    /// `document` with the paths above added (replacing an operation of the same method and
    /// path) and the schema fields above added.
    static func applied(to document: JSONValue) -> JSONValue {
        guard case .object(var root) = document else { return document }
        APIDescriptionPaths.adding(paths, to: &root)
        var components = root["components"]?.objectValue ?? [:]
        var schemas = components["schemas"]?.objectValue ?? [:]
        schemas.merge(Self.schemas) { _, new in new }
        for (name, added) in schemaProperties {
            guard case .object(var schema) = schemas[name] else { continue }
            var properties = schema["properties"]?.objectValue ?? [:]
            properties.merge(added) { _, new in new }
            schema["properties"] = .object(properties)
            schemas[name] = .object(schema)
        }
        components["schemas"] = .object(schemas)
        root["components"] = .object(components)
        return .object(root)
    }

    /// A request or response body of JSON with `schema`.
    private static func json(_ schema: JSONValue) -> JSONValue {
        ["content": ["application/json": ["schema": schema]]]
    }
}
