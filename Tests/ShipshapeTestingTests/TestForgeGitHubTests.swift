import Foundation
import ShipshapeTesting
import Testing

@Suite struct TestForgeGitHubTests {
    let state = TestForgeState(flavor: .github, baseURL: URL(string: "http://127.0.0.1:8080")!)
    let client: ForgeClient
    let number: Int

    init() {
        state.addUser(login: "alice", token: "alice-token", permission: "write")
        state.addUser(login: "shipshape", token: "bot-token", permission: "write")
        state.addRepository(owner: "o", name: "r", cloneURL: "http://127.0.0.1:9418/o/r.git")
        number = state.openPullRequest(
            repository: "o/r", author: "alice", title: "Scale up", baseBranch: "main",
            baseSHA: String(repeating: "a", count: 40),
            headBranch: "feature", headSHA: String(repeating: "b", count: 40), files: ForgeClient.files)
        client = ForgeClient(state: state, authorization: [("Authorization", "Bearer bot-token")])
    }

    /// Issues and pull requests share one sequence of numbers, whatever case a test names the
    /// repository with: an issue opened as "O/R" was numbered apart from "o/r"'s pull requests.
    @Test func anIssueIsNumberedAfterThePullRequestsWhateverTheCase() {
        let issue = state.openIssue(repository: "O/R", author: "alice", title: "Images", body: "")
        #expect(issue == number + 1)
        #expect(state.issues(repository: "o/r").map(\.number) == [issue])
    }

    @Test func servesThePullRequestWithRequiredFieldsAndAnETag() {
        let answer = client.send("GET", "/repos/o/r/pulls/\(number)")
        #expect(answer.status == 200)
        #expect(answer.object["number"] as? Int == number)
        #expect((answer.object["head"] as? [String: Any])?["sha"] as? String == String(repeating: "b", count: 40))
        #expect(answer.object["html_url"] as? String == "http://127.0.0.1:8080/o/r/pull/\(number)")
        #expect(answer.header("x-ratelimit-remaining") == "4999")
        let etag = answer.header("ETag") ?? ""
        #expect(!etag.isEmpty)
        let again = client.send("GET", "/repos/o/r/pulls/\(number)", headers: [("If-None-Match", etag)])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
    }

    @Test func storesAReviewWhoseCommentsAreAllInTheDiff() {
        let answer = client.send(
            "POST", "/repos/o/r/pulls/\(number)/reviews",
            json: [
                "event": "COMMENT", "body": "Findings",
                "comments": [
                    ["path": "deploy/app.yaml", "line": 3, "side": "RIGHT", "body": "add labels"],
                    ["path": "deploy/app.yaml", "position": 9, "body": "by position"],
                ],
            ])
        #expect(answer.status == 200)
        #expect(answer.object["state"] as? String == "COMMENTED")
        let comments = state.inlineComments(repository: "o/r", pullRequest: number)
        #expect(comments.map { $0["line"] as? Int } == [3, 23])
        #expect(
            comments.first?["diff_hunk"] as? String
                == "@@ -1,4 +1,5 @@\n apiVersion: apps/v1\n kind: Deployment\n+metadata:")
        #expect(state.reviews(repository: "o/r", pullRequest: number).count == 1)
    }

    @Test func refusesTheWholeReviewWhenOneCommentIsOutsideTheDiff() {
        let answer = client.send(
            "POST", "/repos/o/r/pulls/\(number)/reviews",
            json: [
                "event": "COMMENT", "body": "Findings",
                "comments": [
                    ["path": "deploy/app.yaml", "line": 3, "side": "RIGHT", "body": "inside"],
                    ["path": "deploy/app.yaml", "line": 10, "side": "RIGHT", "body": "outside"],
                ],
            ])
        #expect(answer.status == 422)
        #expect(answer.object["message"] as? String == "Unprocessable Entity")
        #expect(answer.object["errors"] as? [String] == ["Line could not be resolved"])
        #expect(state.inlineComments(repository: "o/r", pullRequest: number).isEmpty)
        #expect(state.reviews(repository: "o/r", pullRequest: number).isEmpty)
    }

    /// "Create a review for a pull request": `body` is required when the event is COMMENT.
    @Test func refusesACommentReviewWithoutABody() {
        let answer = client.send(
            "POST", "/repos/o/r/pulls/\(number)/reviews",
            json: [
                "event": "COMMENT",
                "comments": [["path": "deploy/app.yaml", "line": 2, "side": "RIGHT", "body": "inline"]],
            ])
        #expect(answer.status == 422)
        #expect(answer.object["errors"] as? [String] == ["Body is required when using COMMENT"])
        #expect(state.reviews(repository: "o/r", pullRequest: number).isEmpty)
    }

    @Test func refusesAMultiLineCommentAcrossHunks() {
        let answer = client.send(
            "POST", "/repos/o/r/pulls/\(number)/reviews",
            json: [
                "event": "COMMENT", "body": "Findings",
                "comments": [
                    ["path": "deploy/app.yaml", "start_line": 4, "line": 22, "side": "RIGHT", "body": "span"]
                ],
            ])
        #expect(answer.status == 422)
        let within = client.send(
            "POST", "/repos/o/r/pulls/\(number)/reviews",
            json: [
                "event": "COMMENT", "body": "Findings",
                "comments": [["path": "deploy/app.yaml", "start_line": 2, "line": 4, "side": "RIGHT", "body": "span"]],
            ])
        #expect(within.status == 200)
        #expect(state.inlineComments(repository: "o/r", pullRequest: number).first?["start_line"] as? Int == 2)
    }

    @Test func createsUpdatesAndDeletesAConversationComment() {
        let created = client.send("POST", "/repos/o/r/issues/\(number)/comments", json: ["body": "first"])
        #expect(created.status == 201)
        let id = created.object["id"] as? Int ?? 0
        #expect((created.object["user"] as? [String: Any])?["login"] as? String == "shipshape")
        let updated = client.send("PATCH", "/repos/o/r/issues/comments/\(id)", json: ["body": "second"])
        #expect(updated.status == 200)
        #expect(
            state.conversationComments(repository: "o/r", pullRequest: number).map { $0["body"] as? String } == [
                "second"
            ])
        #expect(client.send("PATCH", "/repos/o/r/pulls/comments/\(id)", json: ["body": "wrong id space"]).status == 404)
        #expect(
            client.send("POST", "/repos/o/r/issues/comments/\(id)/reactions", json: ["content": "eyes"]).status == 201)
        #expect(state.reactions(repository: "o/r", commentID: id) == ["eyes"])
        #expect(client.send("DELETE", "/repos/o/r/issues/comments/\(id)").status == 204)
        #expect(state.conversationComments(repository: "o/r", pullRequest: number).isEmpty)
    }

    @Test func refusesABodyOverGitHubsLimit() {
        let answer = client.send(
            "POST", "/repos/o/r/issues/\(number)/comments", json: ["body": String(repeating: "x", count: 65_537)])
        #expect(answer.status == 422)
        // Counted in code points, as Rails counts: 40,000 accented letters written with a
        // combining mark are 80,000 characters to GitHub.
        let combining = client.send(
            "POST", "/repos/o/r/issues/\(number)/comments", json: ["body": String(repeating: "e\u{301}", count: 40_000)]
        )
        #expect(combining.status == 422)
        #expect(state.conversationComments(repository: "o/r", pullRequest: number).isEmpty)
    }

    @Test func paginatesOneHundredTwentyCommentsWithLinkHeaders() {
        for index in 1...120 {
            _ = client.send("POST", "/repos/o/r/issues/\(number)/comments", json: ["body": "comment \(index)"])
        }
        var query = "per_page=50"
        var bodies: [String] = []
        var pages = 0
        while pages < 10 {
            let page = client.send("GET", "/repos/o/r/issues/\(number)/comments", query: query)
            pages += 1
            bodies += page.list.compactMap { $0["body"] as? String }
            if pages == 1 { #expect(linkQuery(page.header("Link"), rel: "last")?.contains("page=3") == true) }
            guard let next = linkQuery(page.header("Link"), rel: "next") else { break }
            query = next
        }
        #expect(pages == 3)
        #expect(bodies == (1...120).map { "comment \($0)" })
        #expect(client.send("GET", "/repos/o/r/issues/\(number)/comments").list.count == 30)
    }

    @Test func keepsTheLatestCommitStatus() {
        let sha = String(repeating: "b", count: 40)
        #expect(
            client.send("POST", "/repos/o/r/statuses/\(sha)", json: ["state": "pending", "context": "shipshape"]).status
                == 201)
        #expect(
            client.send("POST", "/repos/o/r/statuses/\(sha)", json: ["state": "success", "context": "shipshape"]).status
                == 201)
        #expect(client.send("POST", "/repos/o/r/statuses/\(sha)", json: ["state": "green"]).status == 422)
        #expect(state.statuses(repository: "o/r", sha: sha).first?["state"] as? String == "success")
    }

    @Test func answers401WithGitHubsBodyWithoutAValidToken() {
        let missing = client.withoutToken().send("GET", "/repos/o/r/pulls/\(number)")
        #expect(missing.status == 401)
        #expect(missing.object["message"] as? String == "Bad credentials")
        let unknown = ForgeClient(state: state, authorization: [("Authorization", "token nope")]).send("GET", "/user")
        #expect(unknown.status == 401)
    }

    @Test func consumesFaultsInOrderThenAnswersNormally() {
        let path = "/repos/o/r/issues/\(number)/comments"
        state.inject(.status(502), matching: "POST \(path)")
        state.inject(.secondaryRateLimit(retryAfter: 7), matching: "POST \(path)")
        state.inject(.dropConnection, matching: "POST \(path)")
        state.inject(.primaryRateLimit(resetAt: 1_900_000_000), matching: "POST \(path)")
        #expect(client.send("POST", path, json: ["body": "x"]).status == 502)
        let secondary = client.send("POST", path, json: ["body": "x"])
        #expect(secondary.status == 403)
        #expect(secondary.header("retry-after") == "7")
        #expect((secondary.object["message"] as? String)?.contains("secondary rate limit") == true)
        if case .dropConnection = client.reply("POST", path, json: ["body": "x"]) {
        } else {
            Issue.record("expected a dropped connection")
        }
        let primary = client.send("POST", path, json: ["body": "x"])
        #expect(primary.status == 403)
        #expect(primary.header("x-ratelimit-remaining") == "0")
        #expect(primary.header("x-ratelimit-reset") == "1900000000")
        #expect(state.conversationComments(repository: "o/r", pullRequest: number).isEmpty)
        #expect(client.send("POST", path, json: ["body": "x"]).status == 201)
        #expect(state.exchanges.map(\.status) == [502, 403, 0, 403, 201])
    }

    @Test func appliesARequestThenDropsTheConnectionWhenAskedTo() {
        state.inject(.dropConnectionAfterProcessing)
        state.inject(.slow(.milliseconds(300)))
        if case .dropConnection = client.reply("POST", "/repos/o/r/issues/\(number)/comments", json: ["body": "once"]) {
        } else {
            Issue.record("expected a drop")
        }
        #expect(state.conversationComments(repository: "o/r", pullRequest: number).count == 1)
        guard case .respondAfter(let delay, let response) = client.reply("GET", "/repos/o/r") else {
            Issue.record("expected a slow answer")
            return
        }
        #expect(delay == .milliseconds(300))
        #expect(response.status == 200)
    }

    @Test func checkRunsNeedAnAppTokenAndAtMostFiftyAnnotations() throws {
        #expect(
            client.send("POST", "/repos/o/r/check-runs", json: ["name": "shipshape", "head_sha": "b"]).status == 403)
        state.enableGitHubApp(appID: "42", installationID: 7) { $0 == "valid.jwt" }
        #expect(
            client.withoutToken().send(
                "POST", "/app/installations/7/access_tokens", headers: [("Authorization", "Bearer bad.jwt")]
            ).status == 401)
        let minted = client.withoutToken().send(
            "POST", "/app/installations/7/access_tokens", headers: [("Authorization", "Bearer valid.jwt")])
        #expect(minted.status == 201)
        let token = try #require(minted.object["token"] as? String)
        let installation = client.withoutToken().send(
            "GET", "/repos/o/r/installation", headers: [("Authorization", "Bearer valid.jwt")])
        #expect(installation.object["id"] as? Int == 7)
        let app = ForgeClient(state: state, authorization: [("Authorization", "token \(token)")])
        let sha = String(repeating: "b", count: 40)
        func annotations(_ count: Int) -> [[String: Any]] {
            (0..<count).map {
                [
                    "path": "deploy/app.yaml", "start_line": 3, "end_line": 3, "annotation_level": "warning",
                    "message": "m\($0)",
                ]
            }
        }
        let tooMany = app.send(
            "POST", "/repos/o/r/check-runs",
            json: [
                "name": "shipshape", "head_sha": sha,
                "output": ["title": "t", "summary": "s", "annotations": annotations(51)],
            ])
        #expect(tooMany.status == 422)
        #expect(state.checkRuns(repository: "o/r", sha: sha).isEmpty)
        let created = app.send(
            "POST", "/repos/o/r/check-runs",
            json: [
                "name": "shipshape", "head_sha": sha, "status": "in_progress",
                "output": ["title": "t", "summary": "s", "annotations": annotations(50)],
            ])
        #expect(created.status == 201)
        #expect((created.object["app"] as? [String: Any])?["id"] as? Int == 42)
        let id = created.object["id"] as? Int ?? 0
        let updated = app.send(
            "PATCH", "/repos/o/r/check-runs/\(id)",
            json: [
                "conclusion": "neutral", "output": ["title": "t", "summary": "s", "annotations": annotations(20)],
            ])
        #expect(updated.status == 200)
        #expect((updated.object["output"] as? [String: Any])?["annotations_count"] as? Int == 70)
        #expect((state.checkRuns(repository: "o/r", sha: sha).first?["annotations"] as? [[String: Any]])?.count == 70)
        #expect(app.send("GET", "/repos/o/r/pulls/\(number)").status == 200)
        #expect(app.send("GET", "/user").status == 403)
    }

    @Test func findsAndCreatesPullRequestsByBranch() {
        state.setBranch(repository: "o/r", name: "shipshape/upgrade", sha: String(repeating: "c", count: 40))
        let created = client.send(
            "POST", "/repos/o/r/pulls", json: ["title": "Upgrade", "head": "shipshape/upgrade", "base": "main"])
        #expect(created.status == 201)
        #expect(
            client.send(
                "POST", "/repos/o/r/pulls", json: ["title": "Again", "head": "shipshape/upgrade", "base": "main"]
            ).status == 422)
        let found = client.send("GET", "/repos/o/r/pulls", query: "head=o%3Ashipshape%2Fupgrade&base=main&state=open")
        #expect(found.list.map { $0["title"] as? String } == ["Upgrade"])
        let labelled = client.send("POST", "/repos/o/r/issues/\(number)/labels", json: ["labels": ["shipshape"]])
        #expect(labelled.list.first?["name"] as? String == "shipshape")
        #expect(state.labels(repository: "o/r", pullRequest: number) == ["shipshape"])
    }
}
