import Foundation
import ShipshapeTesting
import Testing

@Suite struct TestForgeGitLabTests {
    let state = TestForgeState(flavor: .gitlab, baseURL: URL(string: "http://127.0.0.1:8929")!)
    let client: ForgeClient
    let number: Int
    let mergeRequest: String
    let base = String(repeating: "a", count: 40)
    let head = String(repeating: "b", count: 40)

    init() {
        state.addUser(login: "alice", token: "alice-token", permission: "write")
        state.addUser(login: "shipshape", token: "bot-token", permission: "maintain")
        state.addRepository(owner: "group/sub", name: "r", cloneURL: "http://127.0.0.1:8929/group/sub/r.git")
        number = state.openPullRequest(
            repository: "group/sub/r", author: "alice", title: "Scale up", baseBranch: "main", baseSHA: base,
            headBranch: "feature", headSHA: head, files: ForgeClient.files)
        client = ForgeClient(state: state, authorization: [("PRIVATE-TOKEN", "bot-token")])
        mergeRequest = "/api/v4/projects/group%2Fsub%2Fr/merge_requests/\(number)"
    }

    func position(newLine: Int, headSHA: String? = nil) -> [String: Any] {
        [
            "base_sha": base, "start_sha": base, "head_sha": headSHA ?? head, "position_type": "text",
            "new_path": "deploy/app.yaml", "old_path": "deploy/app.yaml", "new_line": newLine,
        ]
    }

    @Test func servesTheMergeRequestByProjectPathAndVersions() {
        let answer = client.send("GET", mergeRequest)
        #expect(answer.status == 200)
        #expect(answer.object["state"] as? String == "opened")
        #expect((answer.object["diff_refs"] as? [String: Any])?["head_sha"] as? String == head)
        let versions = client.send("GET", "\(mergeRequest)/versions")
        #expect(versions.list.first?["head_commit_sha"] as? String == head)
        #expect(client.send("GET", "\(mergeRequest)/diffs").list.first?["new_path"] as? String == "deploy/app.yaml")
    }

    @Test func storesADiffDiscussionInTheDiffAndRefusesOneOutsideIt() {
        let inside = client.send(
            "POST", "\(mergeRequest)/discussions", json: ["body": "add labels", "position": position(newLine: 3)])
        #expect(inside.status == 201)
        let outside = client.send(
            "POST", "\(mergeRequest)/discussions", json: ["body": "outside", "position": position(newLine: 10)])
        #expect(outside.status == 400)
        #expect((outside.object["message"] as? String)?.contains("line_code") == true)
        let stale = client.send(
            "POST", "\(mergeRequest)/discussions",
            json: ["body": "stale", "position": position(newLine: 3, headSHA: base)])
        #expect(stale.status == 400)
        let notes = state.inlineComments(repository: "group/sub/r", pullRequest: number)
        #expect(notes.map { $0["body"] as? String } == ["add labels"])
        #expect((notes.first?["position"] as? [String: Any])?["new_line"] as? Int == 3)
    }

    /// GitLab's `doc/api/discussions.md`: an unchanged line takes both `old_line` and `new_line`.
    @Test func anUnchangedLineNeedsItsOldLineToo() {
        var unchanged = position(newLine: 22)
        #expect(
            client.send("POST", "\(mergeRequest)/discussions", json: ["body": "new only", "position": unchanged]).status
                == 400)
        unchanged["old_line"] = 20
        #expect(
            client.send("POST", "\(mergeRequest)/discussions", json: ["body": "wrong old", "position": unchanged])
                .status == 400)
        unchanged["old_line"] = 21
        #expect(
            client.send("POST", "\(mergeRequest)/discussions", json: ["body": "both", "position": unchanged]).status
                == 201)
        var added = position(newLine: 23)
        added["old_line"] = 22
        #expect(
            client.send("POST", "\(mergeRequest)/discussions", json: ["body": "added with old", "position": added])
                .status == 400)
        let notes = state.inlineComments(repository: "group/sub/r", pullRequest: number)
        #expect(notes.map { $0["body"] as? String } == ["both"])
        #expect((notes.first?["position"] as? [String: Any])?["old_line"] as? Int == 21)
    }

    @Test func resolvesADiscussionByQueryOrBody() {
        let created = client.send(
            "POST", "\(mergeRequest)/discussions", json: ["body": "finding", "position": position(newLine: 23)])
        let id = created.object["id"] as? String ?? ""
        #expect(id.count == 40)
        #expect(client.send("POST", "\(mergeRequest)/discussions/\(id)/notes", json: ["body": "reply"]).status == 201)
        let resolved = client.send("PUT", "\(mergeRequest)/discussions/\(id)", query: "resolved=true")
        #expect(resolved.status == 200)
        #expect(
            state.inlineComments(repository: "group/sub/r", pullRequest: number).map { $0["resolved"] as? Bool } == [
                true, true,
            ])
        #expect(client.send("PUT", "\(mergeRequest)/discussions/\(id)", json: ["resolved": false]).status == 200)
        #expect(
            state.inlineComments(repository: "group/sub/r", pullRequest: number).map { $0["resolved"] as? Bool } == [
                false, false,
            ])
    }

    @Test func createsUpdatesAndDeletesANote() {
        let created = client.send("POST", "\(mergeRequest)/notes", json: ["body": "first"])
        #expect(created.status == 201)
        let id = created.object["id"] as? Int ?? 0
        #expect((created.object["author"] as? [String: Any])?["username"] as? String == "shipshape")
        #expect(client.send("PUT", "\(mergeRequest)/notes/\(id)", json: ["body": "second"]).status == 200)
        #expect(
            state.conversationComments(repository: "group/sub/r", pullRequest: number).map { $0["body"] as? String }
                == ["second"])
        #expect(
            client.send("POST", "\(mergeRequest)/notes/\(id)/award_emoji", json: ["name": "thumbsup"]).status == 201)
        #expect(state.reactions(repository: "group/sub/r", commentID: id) == ["thumbsup"])
        #expect(client.send("DELETE", "\(mergeRequest)/notes/\(id)").status == 204)
        #expect(state.conversationComments(repository: "group/sub/r", pullRequest: number).isEmpty)
        let huge = client.send(
            "POST", "\(mergeRequest)/notes", json: ["body": String(repeating: "x", count: 1_000_001)])
        #expect(huge.status == 400)
    }

    @Test func paginatesOneHundredTwentyNotesWithGitLabHeaders() {
        for index in 1...120 { _ = client.send("POST", "\(mergeRequest)/notes", json: ["body": "note \(index)"]) }
        let first = client.send("GET", "\(mergeRequest)/notes", query: "sort=asc&per_page=50")
        #expect(first.header("x-total") == "120")
        #expect(first.header("x-next-page") == "2")
        #expect(first.header("x-total-pages") == "3")
        var bodies = first.list.compactMap { $0["body"] as? String }
        var query = linkQuery(first.header("Link"), rel: "next")
        var pages = 1
        while let next = query, pages < 10 {
            let page = client.send("GET", "\(mergeRequest)/notes", query: next)
            pages += 1
            bodies += page.list.compactMap { $0["body"] as? String }
            query = linkQuery(page.header("Link"), rel: "next")
            if query == nil { #expect(page.header("x-next-page") == "") }
        }
        #expect(pages == 3)
        #expect(bodies == (1...120).map { "note \($0)" })
        #expect(client.send("GET", "\(mergeRequest)/notes").list.count == 20)
    }

    @Test func postsAStatusAndAnswersMembership() {
        let posted = client.send(
            "POST", "/api/v4/projects/group%2Fsub%2Fr/statuses/\(head)",
            json: ["state": "running", "name": "shipshape"])
        #expect(posted.status == 201)
        #expect(
            client.send("POST", "/api/v4/projects/group%2Fsub%2Fr/statuses/\(head)", json: ["state": "green"]).status
                == 400)
        #expect(state.statuses(repository: "group/sub/r", sha: head).first?["status"] as? String == "running")
        let me = client.send("GET", "/api/v4/user")
        let id = me.object["id"] as? Int ?? 0
        #expect(
            client.send("GET", "/api/v4/projects/group%2Fsub%2Fr/members/all/\(id)").object["access_level"] as? Int
                == 40)
        #expect(client.send("GET", "/api/v4/users", query: "username=alice").list.count == 1)
    }

    @Test func answers401WithoutAToken() {
        let answer = client.withoutToken().send("GET", mergeRequest)
        #expect(answer.status == 401)
        #expect(answer.object["message"] as? String == "401 Unauthorized")
        let bearer = ForgeClient(state: state, authorization: [("Authorization", "Bearer bot-token")])
        #expect(bearer.send("GET", mergeRequest).status == 200)
    }

    @Test func consumesFaultsInOrderThenAnswersNormally() {
        state.inject(.status(503), matching: "POST \(mergeRequest)/notes")
        state.inject(.dropConnection, matching: "POST /projects/group%2Fsub%2Fr/merge_requests/\(number)/notes")
        #expect(client.send("POST", "\(mergeRequest)/notes", json: ["body": "x"]).status == 503)
        if case .dropConnection = client.reply("POST", "\(mergeRequest)/notes", json: ["body": "x"]) {
        } else {
            Issue.record("expected a drop")
        }
        #expect(state.conversationComments(repository: "group/sub/r", pullRequest: number).isEmpty)
        #expect(client.send("POST", "\(mergeRequest)/notes", json: ["body": "x"]).status == 201)
    }

    @Test func updatesTitleAndLabels() {
        let answer = client.send(
            "PUT", mergeRequest, json: ["title": "Scale up (reviewed)", "add_labels": "shipshape,security"])
        #expect(answer.status == 200)
        #expect(answer.object["labels"] as? [String] == ["shipshape", "security"])
        #expect(state.pullRequests(repository: "group/sub/r").first?["title"] as? String == "Scale up (reviewed)")
    }
}
