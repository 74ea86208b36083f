import Foundation
import JSONKit
import JSONSchema
import ShipshapeTesting
import Testing

@Suite struct GitLabContractTests {
    let contract: APIContract
    static let mergeRequestPath = "/api/v4/projects/awesome_space%2Fawesome_project/merge_requests/1"

    init() throws {
        contract = try APIContract.load(.gitlab)
    }

    /// The REST shape of the merge request in GitLab's "Merge Request Hook" docs example, built
    /// from its `object_attributes`, `user` and `assignees`.
    static func mergeRequestFromWebhookExample() throws -> JSONValue {
        let hook = try JSONValue(
            jsonData:
                Data(
                    contentsOf: SharedData.forge.appending(
                        path: "gitlab/webhooks/docs/merge_request/merge_request.open.json")))
        let attributes = try #require(hook["object_attributes"])
        func user(_ value: JSONValue?) -> JSONValue {
            var members = value?.objectValue ?? [:]
            members["state"] = "active"
            members["web_url"] = .string("http://example.com/\(members["username"]?.stringValue ?? "")")
            return .object(members)
        }
        return [
            "id": attributes["id"] ?? nil, "iid": attributes["iid"] ?? nil,
            "project_id": attributes["target_project_id"] ?? nil,
            "title": attributes["title"] ?? nil, "description": attributes["description"] ?? nil,
            "state": attributes["state"] ?? nil,
            "created_at": attributes["created_at"] ?? nil, "updated_at": attributes["updated_at"] ?? nil,
            "target_branch": attributes["target_branch"] ?? nil, "source_branch": attributes["source_branch"] ?? nil,
            "upvotes": 0, "downvotes": 0, "author": user(hook["user"]),
            "assignee": user(hook["assignees"]?.arrayValue?.first),
            "assignees": .array([user(hook["assignees"]?.arrayValue?.first)]), "reviewers": [],
            "source_project_id": attributes["source_project_id"] ?? nil,
            "target_project_id": attributes["target_project_id"] ?? nil,
            "labels": .array((attributes["labels"]?.arrayValue ?? []).compactMap { $0["title"] }),
            "work_in_progress": attributes["work_in_progress"] ?? nil, "draft": attributes["draft"] ?? nil,
            "milestone": nil,
            "merge_when_pipeline_succeeds": false, "merge_status": attributes["merge_status"] ?? nil,
            "sha": attributes["last_commit"]?["id"] ?? nil, "merge_commit_sha": nil, "user_notes_count": 0,
            "should_remove_source_branch": nil, "force_remove_source_branch": nil, "web_url": attributes["url"] ?? nil,
            "squash": false, "merged_by": nil, "merged_at": nil, "closed_by": nil, "closed_at": nil,
            "time_stats": [
                "time_estimate": 0, "total_time_spent": 1800, "human_time_estimate": nil,
                "human_total_time_spent": "30m",
            ],
            "references": ["short": "!1", "relative": "!1", "full": "awesome_space/awesome_project!1"],
        ]
    }

    private func getMergeRequest(_ body: JSONValue) -> ContractCheck {
        contract.check(
            method: "GET", path: Self.mergeRequestPath, query: [:], requestBody: nil, status: 200,
            responseBody: body.jsonData)
    }

    @Test func mergeRequestBuiltFromTheWebhookExampleFits() throws {
        let mergeRequest = try Self.mergeRequestFromWebhookExample()
        #expect(getMergeRequest(mergeRequest).operation == "getMergeRequest")
        #expect(getMergeRequest(mergeRequest).violations == [])
        let list = contract.checkResponse(
            method: "GET", path: "/api/v4/projects/14/merge_requests", status: 200,
            body: JSONValue.array([mergeRequest]).jsonData)
        #expect(list.violations == [])
    }

    @Test func mergeRequestWithWrongTypesFails() throws {
        let mergeRequest = try Self.mergeRequestFromWebhookExample()
        #expect(
            getMergeRequest(mergeRequest.replacing(["iid"], with: "1")).violations
                == ["response body.iid: must be an integer, not a string"])
        #expect(
            getMergeRequest(mergeRequest.replacing(["squash"], with: 0)).violations
                == ["response body.squash: must be a boolean, not an integer"])
        #expect(
            getMergeRequest(mergeRequest.replacing(["author", "id"], with: true)).violations
                == ["response body.author.id: must be an integer, not a boolean"])
        #expect(
            getMergeRequest(mergeRequest.replacing(["sha"], with: nil)).violations
                == ["response body: `sha` is required"])
        let milestone: JSONValue = [
            "id": 1, "iid": 1, "title": "v1", "description": nil, "state": "active",
            "created_at": "2026-01-01", "updated_at": "2026-01-01", "start_date": nil, "due_date": nil,
        ]
        #expect(getMergeRequest(mergeRequest.replacing(["milestone"], with: milestone)).violations == [])
        #expect(
            getMergeRequest(mergeRequest.replacing(["milestone"], with: milestone.replacing(["iid"], with: "1")))
                .violations.count == 1)
    }

    private let note: JSONValue = [
        "id": 301, "type": nil, "body": "Shipshape found 1 issue.", "attachment": nil,
        "author": [
            "id": 1, "name": "Shipshape", "username": "shipshape", "state": "active",
            "avatar_url": "http://gitlab.test/a.png", "web_url": "http://gitlab.test/shipshape",
        ],
        "created_at": "2026-01-02T03:04:05Z", "updated_at": "2026-01-02T03:04:05Z", "system": false,
        "noteable_id": 99, "noteable_iid": 1, "noteable_type": "MergeRequest", "resolvable": false,
        "confidential": false, "internal": false,
    ]

    @Test func notesAreOneItemOfNotesJsonOrTheWholeArray() {
        let created = contract.check(
            method: "POST", path: Self.mergeRequestPath + "/notes", query: [:],
            requestBody: Data(#"{"body":"Shipshape found 1 issue."}"#.utf8), status: 201, responseBody: note.jsonData)
        #expect(created.operation == "createMergeRequestNote")
        #expect(created.violations == [])
        let listed = contract.checkResponse(
            method: "GET", path: Self.mergeRequestPath + "/notes", status: 200,
            body: JSONValue.array([note]).jsonData)
        #expect(listed.violations == [])
        let notAList = contract.checkResponse(
            method: "GET", path: Self.mergeRequestPath + "/notes", status: 200, body: note.jsonData)
        #expect(notAList.violations == ["response body: must be an array, not an object"])
        let extra = contract.checkResponse(
            method: "POST", path: Self.mergeRequestPath + "/notes", status: 201,
            body: note.replacing(["colour"], with: "red").jsonData)
        #expect(extra.violations == ["response body.colour: `colour` is not allowed here"])
        let noBody = contract.checkRequest(
            method: "POST", path: Self.mergeRequestPath + "/notes", query: [:], body: Data("{}".utf8))
        #expect(noBody.violations == ["request body: `body` is required"])
    }

    private static let position: JSONValue = [
        "base_sha": "c380d3acebd181f13629a25d2e2acca46ffe1e00", "start_sha": "c380d3acebd181f13629a25d2e2acca46ffe1e00",
        "head_sha": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", "position_type": "text",
        "new_path": "deploy/app.yaml", "old_path": "deploy/app.yaml", "new_line": 12,
    ]

    private func createDiscussion(_ body: JSONValue) -> ContractCheck {
        contract.checkRequest(
            method: "POST", path: Self.mergeRequestPath + "/discussions", query: [:], body: body.jsonData)
    }

    @Test func discussionOnADiffLineNeedsTheFullPosition() {
        let discussion: JSONValue = ["body": "Set resource limits.", "position": Self.position]
        #expect(createDiscussion(discussion).operation == "createMergeRequestDiscussion")
        #expect(createDiscussion(discussion).violations == [])
        #expect(
            createDiscussion(discussion.replacing(["position", "head_sha"], with: nil)).violations
                == ["request body.position: `head_sha` is required"])
        #expect(
            createDiscussion(discussion.replacing(["position", "new_line"], with: "12")).violations
                == ["request body.position.new_line: must be an integer, not a string"])
        #expect(
            createDiscussion(discussion.replacing(["position", "position_type"], with: "image")).violations
                == [#"request body.position.position_type: must be one of "text", not "image""#])
        let noLine = createDiscussion(discussion.replacing(["position", "new_line"], with: nil)).violations
        #expect(
            noLine.count == 1
                && noLine[0].hasPrefix("request body.position: matches none of the 2 alternatives (anyOf)"))
        let oldLine = discussion.replacing(["position", "new_line"], with: nil).replacing(
            ["position", "old_line"], with: 4)
        #expect(createDiscussion(oldLine).violations == [])
        let positionInQuery = contract.checkRequest(
            method: "POST", path: Self.mergeRequestPath + "/discussions",
            query: [
                "body": "x", "position[base_sha]": "a", "position[start_sha]": "a", "position[head_sha]": "b",
                "position[position_type]": "text", "position[new_path]": "a.yaml", "position[new_line]": "3",
            ], body: nil)
        #expect(positionInQuery.violations == [])
    }

    @Test func commitStatusStateIsOneOfGitLabs() {
        let path = "/api/v4/projects/14/statuses/da1560886d4f094c3e6c9ef40349f7d38b5d27d7"
        let good = contract.checkRequest(
            method: "POST", path: path, query: [:], body: Data(#"{"state":"success","name":"shipshape"}"#.utf8))
        #expect(good.operation == "setCommitStatus" && good.violations == [])
        let bad = contract.checkRequest(method: "POST", path: path, query: [:], body: Data(#"{"state":"error"}"#.utf8))
        #expect(
            bad.violations == [
                #"request body.state: must be one of "pending", "running", "success", "failed", "canceled", "skipped", not "error""#
            ])
        let inQuery = contract.checkRequest(method: "POST", path: path, query: ["state": "pending"], body: nil)
        #expect(inQuery.violations == [])
        let missing = contract.checkRequest(method: "POST", path: path, query: [:], body: nil)
        #expect(missing.violations == ["request body: missing, but setCommitStatus requires one"])
    }

    @Test func createMergeRequestNeedsBranchesAndTitle() {
        let check = contract.checkRequest(
            method: "POST", path: "/api/v4/projects/14/merge_requests", query: [:],
            body: Data(#"{"source_branch":"shipshape/limits","title":"Set limits"}"#.utf8))
        #expect(check.violations == ["request body: `target_branch` is required"])
    }

    @Test func projectIdsAreNumbersOrEncodedPaths() {
        #expect(
            contract.checkRequest(method: "GET", path: "/api/v4/projects/group%2Fsub%2Fname", query: [:], body: nil)
                .violations == [])
        #expect(
            contract.checkRequest(method: "GET", path: "/api/v4/projects/14", query: [:], body: nil).violations == [])
        let bare = contract.checkRequest(method: "GET", path: "/api/v4/projects/name", query: [:], body: nil)
        #expect(bare.violations.count == 1 && bare.violations[0].hasPrefix(#"path parameter id ("name")"#))
        let unencoded = contract.checkRequest(method: "GET", path: "/api/v4/projects/group/name", query: [:], body: nil)
        #expect(unencoded.operation == nil)
    }

    @Test func statusesOutsideSuccessAndErrorsAreViolations() {
        let path = Self.mergeRequestPath + "/notes/301"
        #expect(contract.checkResponse(method: "DELETE", path: path, status: 204, body: nil).violations == [])
        #expect(
            contract.checkResponse(
                method: "DELETE", path: path, status: 404, body: Data(#"{"message":"404 Not found"}"#.utf8)
            ).violations == [])
        #expect(
            contract.checkResponse(method: "DELETE", path: path, status: 200, body: nil).violations
                == ["status 200: not a documented response of deleteMergeRequestNote (documented: 204)"])
        let branch = contract.checkResponse(
            method: "GET", path: "/api/v4/projects/14/repository/branches/main", status: 200,
            body: Data(#"{"name":"main"}"#.utf8))
        #expect(
            branch.operation == "getBranch"
                && branch.violations.contains("response body: `commit` is required"))
    }
}
