import Foundation
import ShipshapeTesting
import Testing

@Suite struct TestForgeGiteaTests {
    let state = TestForgeState(flavor: .gitea, baseURL: URL(string: "http://127.0.0.1:3000")!)
    let client: ForgeClient
    let number: Int
    let pulls = "/api/v1/repos/o/r/pulls"

    init() {
        state.addUser(login: "alice", token: "alice-token", permission: "write")
        state.addUser(login: "shipshape", token: "bot-token", permission: "write")
        state.addRepository(owner: "o", name: "r", cloneURL: "http://127.0.0.1:3000/o/r.git")
        number = state.openPullRequest(
            repository: "o/r", author: "alice", title: "Scale up", baseBranch: "main",
            baseSHA: String(repeating: "a", count: 40),
            headBranch: "feature", headSHA: String(repeating: "b", count: 40), files: ForgeClient.files)
        client = ForgeClient(state: state, authorization: [("Authorization", "token bot-token")])
    }

    @Test func servesThePullRequestAndFindsItByBranches() {
        let answer = client.send("GET", "\(pulls)/\(number)")
        #expect(answer.status == 200)
        #expect(answer.object["html_url"] as? String == "http://127.0.0.1:3000/o/r/pulls/\(number)")
        #expect(client.send("GET", "\(pulls)/main/feature").object["number"] as? Int == number)
        #expect(client.send("GET", "/repos/o/r/pulls/\(number)").status == 404)
    }

    @Test func storesAReviewWithAnInlineCommentInTheDiff() {
        let answer = client.send(
            "POST", "\(pulls)/\(number)/reviews",
            json: [
                "event": "COMMENT", "body": "Findings",
                "comments": [["path": "deploy/app.yaml", "body": "add labels", "new_position": 3, "old_position": 0]],
            ])
        #expect(answer.status == 200)
        #expect(answer.object["state"] as? String == "COMMENT")
        #expect(answer.object["comments_count"] as? Int == 1)
        let comments = state.inlineComments(repository: "o/r", pullRequest: number)
        #expect(comments.map { $0["position"] as? Int } == [3])
        let id = answer.object["id"] as? Int ?? 0
        #expect(client.send("GET", "\(pulls)/\(number)/reviews/\(id)/comments").list.count == 1)
    }

    @Test func refusesTheWholeReviewWhenOneCommentIsOutsideTheDiff() {
        let answer = client.send(
            "POST", "\(pulls)/\(number)/reviews",
            json: [
                "event": "COMMENT", "body": "Findings",
                "comments": [
                    ["path": "deploy/app.yaml", "body": "inside", "new_position": 3],
                    ["path": "deploy/app.yaml", "body": "outside", "new_position": 10],
                ],
            ])
        #expect(answer.status == 422)
        #expect(answer.object["url"] as? String == "http://127.0.0.1:3000/api/swagger")
        #expect(state.inlineComments(repository: "o/r", pullRequest: number).isEmpty)
        #expect(state.reviews(repository: "o/r", pullRequest: number).isEmpty)
    }

    @Test func createsEditsAndDeletesAConversationComment() {
        let created = client.send("POST", "/api/v1/repos/o/r/issues/\(number)/comments", json: ["body": "first"])
        #expect(created.status == 201)
        let id = created.object["id"] as? Int ?? 0
        #expect(client.send("PATCH", "/api/v1/repos/o/r/issues/comments/\(id)", json: ["body": "second"]).status == 200)
        #expect(
            state.conversationComments(repository: "o/r", pullRequest: number).map { $0["body"] as? String } == [
                "second"
            ])
        #expect(
            client.send("POST", "/api/v1/repos/o/r/issues/comments/\(id)/reactions", json: ["content": "+1"]).status
                == 201)
        #expect(state.reactions(repository: "o/r", commentID: id) == ["+1"])
        #expect(client.send("DELETE", "/api/v1/repos/o/r/issues/comments/\(id)").status == 204)
        #expect(state.conversationComments(repository: "o/r", pullRequest: number).isEmpty)
    }

    /// Gitea's issue-comment list has no paging parameters; its reviews list pages with `page`
    /// and `limit` and sends X-Total-Count but no Link header (`ListPullReviews`,
    /// routers/api/v1/repo/pull_review.go).
    @Test func paginatesOneHundredTwentyReviewsByPageNumberWithoutLinks() {
        for index in 1...120 {
            _ = client.send(
                "POST", "\(pulls)/\(number)/reviews", json: ["event": "COMMENT", "body": "review \(index)"])
        }
        var bodies: [String] = []
        var pages = 0
        while pages < 10 {
            let page = client.send("GET", "\(pulls)/\(number)/reviews", query: "limit=50&page=\(pages + 1)")
            pages += 1
            if pages == 1 { #expect(page.header("X-Total-Count") == "120") }
            #expect(page.header("Link") == nil)
            bodies += page.list.compactMap { $0["body"] as? String }
            if page.list.count < 50 { break }
        }
        #expect(pages == 3)
        #expect(bodies == (1...120).map { "review \($0)" })
        #expect(client.send("GET", "\(pulls)/\(number)/reviews", query: "limit=500").list.count == 50)
        for index in 1...120 {
            _ = client.send("POST", "/api/v1/repos/o/r/issues/\(number)/comments", json: ["body": "c\(index)"])
        }
        #expect(client.send("GET", "/api/v1/repos/o/r/issues/\(number)/comments").list.count == 120)
    }

    @Test func combinesTheLatestStatusPerContext() {
        let sha = String(repeating: "b", count: 40)
        #expect(
            client.send(
                "POST", "/api/v1/repos/o/r/statuses/\(sha)", json: ["state": "pending", "context": "shipshape"]
            ).status == 201)
        #expect(
            client.send(
                "POST", "/api/v1/repos/o/r/statuses/\(sha)", json: ["state": "success", "context": "shipshape"]
            ).status == 201)
        let combined = client.send("GET", "/api/v1/repos/o/r/commits/feature/status")
        #expect(combined.object["state"] as? String == "success")
        #expect(combined.object["total_count"] as? Int == 1)
        #expect(state.statuses(repository: "o/r", sha: sha).count == 2)
    }

    @Test func answers401WithoutAToken() {
        let answer = client.withoutToken().send("GET", "/api/v1/repos/o/r")
        #expect(answer.status == 401)
        #expect(answer.object["message"] != nil)
        #expect(answer.object["url"] != nil)
    }

    @Test func consumesFaultsInOrderThenAnswersNormally() {
        state.inject(.status(500), times: 2, matching: "GET /repos/o/r")
        state.inject(.tooManyRequests(retryAfter: 3))
        #expect(client.send("GET", "/api/v1/repos/o/r").status == 500)
        #expect(client.send("GET", "/api/v1/repos/o/r").status == 500)
        let limited = client.send("GET", "/api/v1/version")
        #expect(limited.status == 429)
        #expect(limited.header("Retry-After") == "3")
        #expect(client.send("GET", "/api/v1/repos/o/r").status == 200)
    }

    @Test func addsLabelsByNameAndById() {
        let known = state.addLabel(repository: "o/r", name: "security")
        let answer = client.send(
            "POST", "/api/v1/repos/o/r/issues/\(number)/labels", json: ["labels": [known, "shipshape"]])
        #expect(answer.status == 200)
        #expect(state.labels(repository: "o/r", pullRequest: number) == ["security", "shipshape"])
        #expect(client.send("POST", "/api/v1/repos/o/r/issues/\(number)/labels", json: ["labels": [999]]).status == 422)
    }
}
