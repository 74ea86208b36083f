import Foundation
import JSONKit
import JSONSchema
import ShipshapeTesting
import Testing

@Suite struct GiteaContractTests {
    let gitea: APIContract
    let forgejo: APIContract

    init() throws {
        gitea = try APIContract.load(.gitea)
        forgejo = try APIContract.load(.forgejo)
    }

    /// A pull request as Gitea returns it for an open, unmerged PR without milestone.
    static let pullRequest: JSONValue = [
        "id": 7, "number": 3, "title": "shipshape: set resource limits", "body": "", "state": "open",
        "url": "http://gitea.test/owner/repo/pulls/3", "html_url": "http://gitea.test/owner/repo/pulls/3",
        "user": ["id": 1, "login": "owner", "full_name": "", "email": "owner@gitea.test", "is_admin": false],
        "labels": [], "milestone": nil, "assignee": nil, "assignees": nil, "requested_reviewers": nil,
        "merged": false, "merged_at": nil, "merged_by": nil, "mergeable": true, "merge_commit_sha": nil,
        "comments": 0, "additions": 4, "deletions": 0, "changed_files": 1, "draft": false, "is_locked": false,
        "head": [
            "label": "shipshape/limits", "ref": "shipshape/limits", "sha": "6dcb09b5b57875f334f61aebed695e2e4193db5e",
            "repo_id": 1, "repo": nil,
        ],
        "base": [
            "label": "main", "ref": "main", "sha": "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", "repo_id": 1,
            "repo": nil,
        ],
        "created_at": "2026-01-02T03:04:05Z", "updated_at": "2026-01-02T03:04:05Z", "closed_at": nil,
    ]

    private func getPullRequest(_ body: JSONValue, contract: APIContract? = nil) -> ContractCheck {
        (contract ?? gitea).check(
            method: "GET", path: "/api/v1/repos/owner/repo/pulls/3", query: [:], requestBody: nil,
            status: 200, responseBody: body.jsonData)
    }

    @Test func pullRequestWithNullsForUnsetObjectsFits() {
        #expect(getPullRequest(Self.pullRequest).operation == "repoGetPullRequest")
        #expect(getPullRequest(Self.pullRequest).violations == [])
        #expect(getPullRequest(Self.pullRequest, contract: forgejo).violations == [])
    }

    @Test func wrongTypesInPullRequestAreViolations() {
        #expect(
            getPullRequest(Self.pullRequest.replacing(["number"], with: "3")).violations
                == ["response body.number: must be an integer, not a string"])
        #expect(
            getPullRequest(Self.pullRequest.replacing(["merged"], with: 0)).violations
                == ["response body.merged: must be a boolean, not an integer"])
        #expect(getPullRequest(Self.pullRequest.replacing(["title"], with: nil)).violations == [])
        #expect(
            getPullRequest(Self.pullRequest.replacing(["body"], with: .null)).violations
                == ["response body.body: must be a string, not null"])
        #expect(
            getPullRequest(Self.pullRequest.replacing(["head", "repo_id"], with: "1")).violations
                == ["response body.head.repo_id: must be an integer, not a string"])
    }

    private func createReview(_ body: JSONValue) -> ContractCheck {
        gitea.checkRequest(
            method: "POST", path: "/api/v1/repos/owner/repo/pulls/3/reviews", query: [:], body: body.jsonData)
    }

    @Test func createReviewWithNewPositionComments() {
        let review: JSONValue = [
            "body": "Shipshape found 1 issue.", "event": "COMMENT",
            "commit_id": "6dcb09b5b57875f334f61aebed695e2e4193db5e",
            "comments": [
                ["path": "deploy/app.yaml", "body": "Set resource limits.", "new_position": 12, "old_position": 0]
            ],
        ]
        #expect(createReview(review).operation == "repoCreatePullReview")
        #expect(createReview(review).violations == [])
        #expect(
            createReview(review.replacing(["comments", 0, "new_position"], with: "12")).violations
                == ["request body.comments[0].new_position: must be an integer, not a string"])
        #expect(
            createReview(review.replacing(["event"], with: "APPROVE")).violations
                == [
                    #"request body.event: must be one of "APPROVED", "PENDING", "COMMENT", "REQUEST_CHANGES", "REQUEST_REVIEW", not "APPROVE""#
                ])
        let missing = gitea.checkRequest(
            method: "POST", path: "/api/v1/repos/owner/repo/pulls/3/reviews", query: [:], body: nil)
        #expect(missing.violations == ["request body: missing, but repoCreatePullReview requires one"])
    }

    @Test func pathsNeedTheBasePathAndPreferFewerVariables() {
        let withoutBase = gitea.checkRequest(method: "GET", path: "/repos/owner/repo/pulls/3", query: [:], body: nil)
        #expect(withoutBase.violations == ["no operation in the gitea contract for GET /repos/owner/repo/pulls/3"])
        #expect(
            gitea.checkRequest(method: "GET", path: "/api/v1/repos/owner/repo/pulls/3/files", query: [:], body: nil)
                .operation
                == "repoGetPullRequestFiles")
        #expect(
            gitea.checkRequest(
                method: "GET", path: "/api/v1/repos/owner/repo/pulls/main/feature", query: [:], body: nil
            ).operation
                == "repoGetPullRequestByBaseHead")
        #expect(
            gitea.checkRequest(
                method: "GET", path: "/api/v1/repos/owner/repo/git/refs/heads/main", query: [:], body: nil
            ).operation
                == "repoListGitRefs")
    }

    @Test func reviewCommentEndpointsExistOnlyInForgejo() {
        let path = "/api/v1/repos/owner/repo/pulls/3/reviews/9/comments"
        let body = Data(#"{"path":"a.yaml","body":"x","new_position":1}"#.utf8)
        #expect(gitea.checkRequest(method: "POST", path: path, query: [:], body: body).operation == nil)
        #expect(
            forgejo.checkRequest(method: "POST", path: path, query: [:], body: body).operation
                == "repoCreatePullReviewComment")
    }

    @Test func listQueryParametersAreTyped() {
        let check = gitea.checkRequest(
            method: "GET", path: "/api/v1/repos/owner/repo/pulls",
            query: ["state": "open", "page": "0", "limit": "ten"], body: nil)
        #expect(
            check.violations == [
                #"query parameter page ("0"): must be at least 1, not 0"#,
                #"query parameter limit ("ten"): must be an integer, not a string"#,
            ])
    }
}
