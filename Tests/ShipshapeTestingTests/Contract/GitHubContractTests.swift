import Foundation
import JSONKit
import JSONSchema
import ShipshapeTesting
import Testing

@Suite struct GitHubContractTests {
    let contract: APIContract

    init() throws {
        contract = try APIContract.load(.github)
    }

    @Test func findsEveryResponseExampleOfTheDescription() {
        #expect(GitHubResponseExample.all.count == 28)
    }

    @Test(arguments: GitHubResponseExample.all)
    func responseExampleFitsItsOperation(example: GitHubResponseExample) {
        let check = contract.checkResponse(
            method: example.method, path: example.path, status: example.status,
            body: example.value.jsonData)
        #expect(check.operation == example.operation)
        #expect(check.violations == [])
    }

    private func pullRequestExample() throws -> JSONValue {
        try #require(GitHubResponseExample.all.first { $0.example == "pull-request" }).value
    }

    private func checkPullRequest(_ body: JSONValue) -> ContractCheck {
        contract.check(
            method: "GET", path: "/repos/octocat/hello-world/pulls/1347", query: [:], requestBody: nil,
            status: 200, responseBody: body.jsonData)
    }

    @Test func brokenPullRequestCopiesNameTheField() throws {
        let example = try pullRequestExample()
        #expect(checkPullRequest(example).violations == [])
        #expect(
            checkPullRequest(example.replacing(["number"], with: "1347")).violations
                == ["response body.number: must be an integer, not a string"])
        #expect(
            checkPullRequest(example.replacing(["state"], with: nil)).violations
                == ["response body: `state` is required"])
        #expect(
            checkPullRequest(example.replacing(["head", "sha"], with: 6)).violations
                == ["response body.head.sha: must be a string, not an integer"])
        #expect(
            checkPullRequest(example.replacing(["user", "id"], with: true)).violations
                == ["response body.user.id: must be an integer, not a boolean"])
        #expect(checkPullRequest(example.replacing(["merged_by"], with: .null)).violations == [])
        #expect(
            checkPullRequest(example.replacing(["labels", 0, "name"], with: 7)).violations
                == ["response body.labels[0].name: must be a string, not an integer"])
    }

    @Test func brokenListExampleNamesTheItem() throws {
        let list = try #require(GitHubResponseExample.all.first { $0.example == "pull-request-simple-items" }).value
        let check = contract.checkResponse(
            method: "GET", path: "/repos/octocat/hello-world/pulls", status: 200,
            body: list.replacing([0, "user", "login"], with: nil).jsonData)
        #expect(check.violations == ["response body[0].user: `login` is required"])
    }

    private func createReview(_ body: JSONValue) -> ContractCheck {
        contract.checkRequest(
            method: "POST", path: "/repos/octocat/hello-world/pulls/12/reviews", query: [:], body: body.jsonData)
    }

    @Test func createReviewRequestBody() {
        let review: JSONValue = [
            "commit_id": "ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091",
            "body": "Shipshape found 1 issue.",
            "event": "COMMENT",
            "comments": [["path": "deploy/app.yaml", "line": 12, "side": "RIGHT", "body": "Set resource limits."]],
        ]
        #expect(createReview(review).operation == "pulls/create-review")
        #expect(createReview(review).violations == [])
        #expect(
            createReview(review.replacing(["comments", 0, "line"], with: "12")).violations
                == ["request body.comments[0].line: must be an integer, not a string"])
        #expect(
            createReview(review.replacing(["comments", 0, "line"], with: true)).violations
                == ["request body.comments[0].line: must be an integer, not a boolean"])
        #expect(
            createReview(review.replacing(["event"], with: "APPROVED")).violations
                == [#"request body.event: must be one of "APPROVE", "REQUEST_CHANGES", "COMMENT", not "APPROVED""#])
        #expect(
            createReview(review.replacing(["comments", 0, "path"], with: nil)).violations
                == ["request body.comments[0]: `path` is required"])
        let notJSON = contract.checkRequest(
            method: "POST", path: "/repos/octocat/hello-world/pulls/12/reviews", query: [:],
            body: Data("event=COMMENT".utf8))
        #expect(notJSON.violations.count == 1 && notJSON.violations[0].hasPrefix("request body: not JSON"))
    }

    @Test func requestBodiesTheOperationDoesNotTakeOrNeeds() {
        let get = contract.checkRequest(
            method: "GET", path: "/repos/octocat/hello-world", query: [:], body: Data("{}".utf8))
        #expect(get.violations == ["request body: repos/get takes no request body, got 2 bytes"])
        let create = contract.checkRequest(
            method: "POST", path: "/repos/octocat/hello-world/pulls", query: [:], body: nil)
        #expect(create.violations == ["request body: missing, but pulls/create requires one"])
    }

    @Test func unmatchedRequestsAreViolations() {
        let check = contract.check(
            method: "GET", path: "/repos/octocat/hello-world/hooks", query: [:], requestBody: nil,
            status: 200, responseBody: nil)
        #expect(check.operation == nil)
        #expect(check.violations == ["no operation in the github contract for GET /repos/octocat/hello-world/hooks"])
        let wrongMethod = contract.checkRequest(
            method: "DELETE", path: "/repos/octocat/hello-world/pulls/1", query: [:], body: nil)
        #expect(wrongMethod.operation == nil)
    }

    @Test func parametersAreTyped() {
        let badNumber = contract.checkRequest(
            method: "GET", path: "/repos/octocat/hello-world/pulls/abc", query: [:], body: nil)
        #expect(badNumber.violations == [#"path parameter pull_number ("abc"): must be an integer, not a string"#])
        let list = contract.checkRequest(
            method: "GET", path: "/repos/octocat/hello-world/pulls",
            query: ["state": "merged", "per_page": "100"], body: nil)
        #expect(
            list.violations == [
                #"query parameter state ("merged"): must be one of "open", "closed", "all", not "merged""#
            ])
    }

    @Test func undocumentedStatusesAndEmptyBodies() {
        let teapot = contract.checkResponse(
            method: "GET", path: "/repos/octocat/hello-world/pulls/1", status: 418, body: nil)
        #expect(
            teapot.violations == ["status 418: not a documented response of pulls/get (documented: 200, 304, 404, 500)"]
        )
        let empty = contract.checkResponse(
            method: "GET", path: "/repos/octocat/hello-world/pulls/1", status: 200, body: Data())
        #expect(empty.violations == ["response body: empty, but pulls/get documents a JSON body for status 200"])
        let deleted = contract.checkResponse(
            method: "DELETE", path: "/repos/octocat/hello-world/issues/comments/7", status: 204, body: nil)
        #expect(deleted.operation == "issues/delete-comment" && deleted.violations == [])
    }

    @Test func referencesWithSlashesMatchTheGitRefOperations() {
        let get = contract.checkRequest(
            method: "GET", path: "/repos/octocat/hello-world/git/ref/heads/shipshape/upgrade-nginx",
            query: [:], body: nil)
        #expect(get.operation == "git/get-ref")
        #expect(get.violations == [])
        let comment = contract.checkRequest(
            method: "PATCH", path: "/repos/octocat/hello-world/pulls/comments/5", query: [:],
            body: Data(#"{"body":"edited"}"#.utf8))
        #expect(comment.operation == "pulls/update-review-comment")
    }
}
