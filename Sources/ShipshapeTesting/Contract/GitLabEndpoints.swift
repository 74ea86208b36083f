import JSONKit
import JSONSchema

/// The GitLab REST v4 endpoints the bot uses. GitLab publishes no OpenAPI file we can read here
/// (see `shared/forge/README.md`), so this table is the contract: method, path, a name, the
/// status a success returns, GitLab's own response schema where its test suite has one
/// (`gitlab/response-schemas/public_api/v4/`), and the request rules in `GitLabRequestRules`.
/// Without a schema only the status is checked. Any 4xx/5xx is accepted as an error reply.
struct GitLabEndpoint: Sendable {
    enum ResponseBody: Sendable {
        case unchecked
        /// One object matching the schema file.
        case object(String)
        /// An array whose items match the schema file.
        case arrayOf(String)
        /// One item of a schema file that describes an array (`notes.json`).
        case itemOf(String)
    }

    var method: String
    var path: String
    var name: String
    var successStatus: Int
    var response: ResponseBody
    var request: JSONValue? = nil

    var operation: ContractOperation {
        let template = PathTemplate(path)
        let parameters = template.segments.compactMap { segment -> ContractParameter? in
            guard case .variable(let name) = segment else { return nil }
            return ContractParameter(
                name: name, location: .path, required: true, schema: Self.pathParameterSchema(name))
        }
        return ContractOperation(
            name: name,
            method: method,
            template: template,
            parameters: parameters,
            requestBody: request.map { ContractRequestBody(schema: $0, required: true, acceptsQueryParameters: true) },
            responses: [String(successStatus): responseSchema],
            acceptsAnyErrorStatus: true
        )
    }

    private var responseSchema: JSONValue? {
        switch response {
        case .unchecked: nil
        case .object(let file): ["$ref": .string(file)]
        case .arrayOf(let file): ["type": "array", "items": ["$ref": .string(file)]]
        case .itemOf(let file): ["$ref": .string("\(file)#/items")]
        }
    }

    /// `{id}` is a project's number or its URL-encoded `namespace/project` path (decoded before
    /// this check); ids of merge requests, notes and users are numbers.
    private static func pathParameterSchema(_ name: String) -> JSONValue {
        switch name {
        case "id": ["type": "string", "pattern": "^([0-9]+|[^/]+(/[^/]+)+)$"]
        case "iid", "note_id", "user_id": ["type": "integer", "minimum": 1]
        default: ["type": "string", "minLength": 1]
        }
    }
}

enum GitLabEndpoints {
    private static let project = "/api/v4/projects/{id}"
    private static let mergeRequest = "/api/v4/projects/{id}/merge_requests/{iid}"

    static let all: [GitLabEndpoint] = [
        .init(
            method: "GET", path: "\(project)/issues", name: "listProjectIssues", successStatus: 200,
            response: .unchecked),
        .init(
            method: "POST", path: "\(project)/issues", name: "createIssue", successStatus: 201,
            response: .unchecked, request: GitLabRequestRules.createIssue),
        .init(
            method: "PUT", path: "\(project)/issues/{iid}", name: "editIssue", successStatus: 200,
            response: .unchecked, request: GitLabRequestRules.editIssue),
        .init(
            method: "GET", path: "/api/v4/user", name: "getCurrentUser", successStatus: 200,
            response: .object("user/basic.json")),
        .init(
            method: "GET", path: "/api/v4/users", name: "listUsers", successStatus: 200,
            response: .arrayOf("user/basic.json")),
        .init(method: "GET", path: project, name: "getProject", successStatus: 200, response: .unchecked),
        .init(
            method: "GET", path: "\(project)/members/all/{user_id}", name: "getProjectMemberInherited",
            successStatus: 200,
            response: .object("user/basic.json")),
        .init(
            method: "GET", path: "\(project)/repository/branches/{branch}", name: "getBranch", successStatus: 200,
            response: .object("branch.json")),
        .init(
            method: "POST", path: "\(project)/statuses/{sha}", name: "setCommitStatus", successStatus: 201,
            response: .unchecked, request: GitLabRequestRules.commitStatus),
        .init(
            method: "GET", path: "\(project)/merge_requests", name: "listMergeRequests", successStatus: 200,
            response: .arrayOf("merge_request.json")),
        .init(
            method: "POST", path: "\(project)/merge_requests", name: "createMergeRequest", successStatus: 201,
            response: .object("merge_request.json"), request: GitLabRequestRules.createMergeRequest),
        .init(
            method: "GET", path: mergeRequest, name: "getMergeRequest", successStatus: 200,
            response: .object("merge_request.json")),
        .init(
            method: "PUT", path: mergeRequest, name: "updateMergeRequest", successStatus: 200,
            response: .object("merge_request.json"), request: GitLabRequestRules.updateMergeRequest),
        .init(
            method: "GET", path: "\(mergeRequest)/diffs", name: "listMergeRequestDiffs", successStatus: 200,
            response: .unchecked),
        .init(
            method: "GET", path: "\(mergeRequest)/versions", name: "listMergeRequestVersions", successStatus: 200,
            response: .unchecked),
        .init(
            method: "GET", path: "\(mergeRequest)/notes", name: "listMergeRequestNotes", successStatus: 200,
            response: .object("notes.json")),
        .init(
            method: "POST", path: "\(mergeRequest)/notes", name: "createMergeRequestNote", successStatus: 201,
            response: .itemOf("notes.json"), request: GitLabRequestRules.note),
        .init(
            method: "PUT", path: "\(mergeRequest)/notes/{note_id}", name: "updateMergeRequestNote", successStatus: 200,
            response: .itemOf("notes.json"), request: GitLabRequestRules.note),
        .init(
            method: "DELETE", path: "\(mergeRequest)/notes/{note_id}", name: "deleteMergeRequestNote",
            successStatus: 204,
            response: .unchecked),
        .init(
            method: "POST", path: "\(mergeRequest)/notes/{note_id}/award_emoji", name: "awardEmojiOnMergeRequestNote",
            successStatus: 201, response: .unchecked, request: GitLabRequestRules.awardEmoji),
        .init(
            method: "GET", path: "\(mergeRequest)/discussions", name: "listMergeRequestDiscussions", successStatus: 200,
            response: .unchecked),
        .init(
            method: "POST", path: "\(mergeRequest)/discussions", name: "createMergeRequestDiscussion",
            successStatus: 201,
            response: .unchecked, request: GitLabRequestRules.discussion),
        .init(
            method: "PUT", path: "\(mergeRequest)/discussions/{discussion_id}", name: "resolveMergeRequestDiscussion",
            successStatus: 200, response: .unchecked, request: GitLabRequestRules.resolveDiscussion),
        .init(
            method: "POST", path: "\(mergeRequest)/discussions/{discussion_id}/notes",
            name: "addMergeRequestDiscussionNote",
            successStatus: 201, response: .unchecked, request: GitLabRequestRules.note),
        .init(
            method: "PUT", path: "\(mergeRequest)/discussions/{discussion_id}/notes/{note_id}",
            name: "updateMergeRequestDiscussionNote", successStatus: 200, response: .unchecked,
            request: GitLabRequestRules.updateDiscussionNote),
    ]
}
