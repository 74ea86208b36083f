import Forge
import Foundation
import HTTPKit
import JSONKit
import Testing

/// The requests the GitLab client sends: methods, paths (the project path encoded as one segment)
/// and bodies with the parameter names of GitLab's documented endpoints.
@Suite struct GitLabRequestTests {
    static let project = "/api/v4/projects/platform%2Finfra%2Fdeploy"
    static let mergeRequest = "\(project)/merge_requests/1"
    typealias Fixture = GitLabPayloadFixtures

    func forge(_ client: RecordingHTTPClient) -> GitLabForge {
        GitLabForge(
            repository: RepositoryID("platform/infra/deploy")!, apiRoot: URL(string: "https://gitlab.example/api/v4")!,
            client: client, credentials: TokenCredentials(token: "glpat-x", scheme: .privateToken),
            botLogin: "shipshape")
    }

    func reviewClient() -> RecordingHTTPClient {
        RecordingHTTPClient([
            "POST \(Self.mergeRequest)/notes": .init(
                status: 201, body: Fixture.note(id: 1200, body: "Shipshape found 2 problems.", author: Fixture.bot)),
            "GET \(Self.mergeRequest)/versions": .ok(Fixture.versions),
            "GET \(Self.mergeRequest)/diffs": .ok(Fixture.diffs),
            "POST \(Self.mergeRequest)/discussions": .init(
                status: 201,
                body: Fixture.discussion(
                    id: "3107030c26ce9f1b55b1a0ea43b4aa6c1c0ef3f4", individual: false,
                    notes: [
                        Fixture.note(
                            id: 1201, body: "Set a memory limit.", author: Fixture.bot,
                            position: Fixture.position(
                                path: "apps/api/hpa.yaml", oldPath: "apps/api/autoscaler.yaml", newLine: 3),
                            resolved: false)
                    ])),
        ])
    }

    func review(commitSHA: String) -> ReviewSubmission {
        ReviewSubmission(
            commitSHA: commitSHA, baseSHA: "b0b0b0", startSHA: "5a5a5a", body: "Shipshape found 2 problems.",
            comments: [
                InlineComment(path: "apps/api/hpa.yaml", line: 3, body: "Set a memory limit."),
                InlineComment(
                    path: "apps/web/service.yaml", line: 9, startLine: 6, body: "```suggestion:-3+0\nports: []\n```"),
            ])
    }

    @Test func postsTheBodyAsANoteAndEachInlineCommentAsADiscussionAnchoredToTheReviewedVersion() async throws {
        let client = reviewClient()
        let posted = try await forge(client).postReview(
            on: 1, review(commitSHA: "33e2ee8579fda5bc36accc9c6fbd0b4fefda9e30"))

        #expect(
            client.calls == [
                "POST \(Self.mergeRequest)/notes", "GET \(Self.mergeRequest)/versions",
                "GET \(Self.mergeRequest)/diffs",
                "POST \(Self.mergeRequest)/discussions", "POST \(Self.mergeRequest)/discussions",
            ])
        #expect(client.requests[0].json == ["body": "Shipshape found 2 problems."])
        let discussions = client.requests.filter { $0.encodedPath == "\(Self.mergeRequest)/discussions" }
        #expect(discussions.map(\.method) == [.post, .post])
        #expect(
            discussions[0].json == [
                "body": "Set a memory limit.",
                "position": [
                    "base_sha": "eeb57dffe83deb686a60a71c16c32f71046868fd",
                    "start_sha": "eeb57dffe83deb686a60a71c16c32f71046868fd",
                    "head_sha": "33e2ee8579fda5bc36accc9c6fbd0b4fefda9e30", "position_type": "text",
                    "new_path": "apps/api/hpa.yaml", "old_path": "apps/api/autoscaler.yaml", "new_line": 3,
                    "old_line": 3,
                ],
            ])
        #expect(discussions[1].json?["position"]?["new_path"] == "apps/web/service.yaml")
        #expect(discussions[1].json?["position"]?["old_path"] == "apps/web/service.yaml")
        #expect(discussions[1].json?["position"]?["new_line"] == 9)
        // The bytes as sent (JSONValue's `==` takes 9 and 9.0 as equal): an integer, keys sorted, no `\/`.
        let sent = String(decoding: try #require(discussions[1].body), as: UTF8.self)
        #expect(sent.contains(#""new_line":9,"new_path":"apps/web/service.yaml","old_path""#), "\(sent)")
        #expect(discussions[1].json?["position"]?["old_line"] == nil, "a new file has no old side")
        #expect(
            posted.first
                == PostedComment(
                    id: "1201", kind: .inline, body: "Set a memory limit.", author: "shipshape",
                    path: "apps/api/hpa.yaml", line: 3, threadID: "3107030c26ce9f1b55b1a0ea43b4aa6c1c0ef3f4"))
    }

    @Test func withoutAVersionForTheReviewedCommitTheReviewsOwnSHAsAreSent() async throws {
        let client = reviewClient()
        _ = try await forge(client).postReview(on: 1, review(commitSHA: "ffff"))
        let discussion = try #require(client.request(.post, "\(Self.mergeRequest)/discussions"))
        #expect(discussion.json?["position"]?["base_sha"] == "b0b0b0")
        #expect(discussion.json?["position"]?["start_sha"] == "5a5a5a")
        #expect(discussion.json?["position"]?["head_sha"] == "ffff")
    }

    @Test(arguments: [
        (CommitCheck.Conclusion?.none, "pending"), (.success, "success"), (.neutral, "success"), (.failure, "failed"),
    ])
    func publishesACommitStatusNamedAfterTheCheck(conclusion: CommitCheck.Conclusion?, state: String) async throws {
        let path = "\(Self.project)/statuses/da1560886d4f094c3e6c9ef40349f7d38b5d27d7"
        let client = RecordingHTTPClient([
            "POST \(path)": .init(status: 201, body: ["id": 93, "status": .string(state)])
        ])
        let check = CommitCheck(
            name: "shipshape", headSHA: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", conclusion: conclusion,
            title: "2 problems in 1 file", detailsURL: "https://shipshape.example/runs/5")
        try await forge(client).publish(check)
        let request = try #require(client.requests.first)
        #expect(request.method == .post)
        #expect(request.encodedPath == path)
        #expect(
            request.json == [
                "state": .string(state), "name": "shipshape", "description": "2 problems in 1 file",
                "target_url": "https://shipshape.example/runs/5",
            ])
    }

    @Test func aPendingStatusThatIsAlreadyPendingIsNotAnError() async throws {
        let path = "\(Self.project)/statuses/da15"
        let refusal: JSONValue = [
            "message":
                "Cannot transition status via :enqueue from :pending (Reason(s): Status cannot transition via \"enqueue\")"
        ]
        let client = RecordingHTTPClient(["POST \(path)": .init(status: 400, body: refusal)])
        try await forge(client).publish(
            CommitCheck(name: "shipshape", headSHA: "da15", conclusion: nil, title: "Reviewing"))
        await #expect(throws: ForgeError.self) {
            try await forge(client).publish(
                CommitCheck(name: "shipshape", headSHA: "da15", conclusion: .failure, title: "2 problems"))
        }
    }

    @Test func resolvesTheCommentsDiscussion() async throws {
        let path = "\(Self.mergeRequest)/discussions/3107030c26ce9f1b55b1a0ea43b4aa6c1c0ef3f4"
        let client = RecordingHTTPClient([
            "PUT \(path)": .ok(
                Fixture.discussion(id: "3107030c26ce9f1b55b1a0ea43b4aa6c1c0ef3f4", individual: false, notes: []))
        ])
        let comment = PostedComment(
            id: "1201", kind: .inline, body: "Set a memory limit.", author: "shipshape",
            threadID: "3107030c26ce9f1b55b1a0ea43b4aa6c1c0ef3f4")
        try await forge(client).resolve(comment, on: 1)
        #expect(client.calls == ["PUT \(path)"])
        #expect(client.requests.first?.json == ["resolved": true])
    }

    @Test func aCommentWithoutItsDiscussionIsFoundAgainBeforeResolving() async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.mergeRequest)/discussions": .ok([
                Fixture.discussion(
                    id: "aa01", individual: false,
                    notes: [
                        Fixture.note(
                            id: 1201, body: "Set a memory limit.", author: Fixture.bot,
                            position: Fixture.position(path: "a.yaml", newLine: 3), resolved: false)
                    ])
            ]),
            "PUT \(Self.mergeRequest)/discussions/aa01": .ok(
                Fixture.discussion(id: "aa01", individual: false, notes: [])),
        ])
        try await forge(client).resolve(PostedComment(id: "1201", kind: .inline, body: "", author: "shipshape"), on: 1)
        #expect(client.calls == ["GET \(Self.mergeRequest)/discussions", "PUT \(Self.mergeRequest)/discussions/aa01"])
    }

    @Test func editsAndDeletesNotesByID() async throws {
        let client = RecordingHTTPClient([
            "PUT \(Self.mergeRequest)/notes/1201": .ok(Fixture.note(id: 1201, body: "Fixed.", author: Fixture.bot)),
            "DELETE \(Self.mergeRequest)/notes/1128": .init(status: 204, body: nil),
        ])
        try await forge(client).updateComment(
            PostedComment(id: "1201", kind: .inline, body: "", author: "shipshape", threadID: "aa01"), on: 1,
            body: "Fixed.")
        try await forge(client).deleteComment(
            PostedComment(id: "1128", kind: .conversation, body: "", author: "shipshape"), on: 1)
        #expect(client.calls == ["PUT \(Self.mergeRequest)/notes/1201", "DELETE \(Self.mergeRequest)/notes/1128"])
        #expect(client.requests[0].json == ["body": "Fixed."])
    }

    @Test func awardsGitLabsEmojiNamesAndToleratesAnEmojiAlreadyAwarded() async throws {
        let path = "\(Self.mergeRequest)/notes/1128/award_emoji"
        let client = RecordingHTTPClient([
            "POST \(path)": .init(
                status: 404, body: ["message": "404 Award Emoji Name has already been taken Not Found"])
        ])
        try await forge(client).react(
            .thumbsUp, to: PostedComment(id: "1128", kind: .conversation, body: "", author: "alice"), on: 1)
        #expect(client.requests.first?.json == ["name": "thumbsup"])
    }

    @Test func addsLabelsWithoutReplacingTheOthers() async throws {
        let client = RecordingHTTPClient(["PUT \(Self.mergeRequest)": .ok(Fixture.mergeRequest())])
        try await forge(client).addLabels(["shipshape", "infra"], to: 1)
        #expect(client.requests.first?.json == ["add_labels": "shipshape,infra"])
    }

    @Test func findsTheOpenedMergeRequestOfABranchOfThisProjectOnly() async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.project)/merge_requests": .ok([
                Fixture.mergeRequest(sourceProjectID: 27), Fixture.mergeRequest(),
            ]),
            "GET \(Self.mergeRequest)": .ok(Fixture.mergeRequest()),
            "GET \(Self.project)": .ok(Fixture.project(id: 14, path: "platform/infra/deploy")),
        ])
        let found = try await forge(client).openPullRequest(head: "ms-viewport", base: "master")
        #expect(found?.number == 1)
        #expect(found?.isFromFork == false)
        #expect(found?.baseSHA == "c380d3acebd181f13629a25d2e2acca46ffe1e00")
        #expect(
            client.calls == ["GET \(Self.project)/merge_requests", "GET \(Self.mergeRequest)", "GET \(Self.project)"])
        #expect(
            client.requests.first?.queryItems == [
                "source_branch": "ms-viewport", "state": "opened", "target_branch": "master", "per_page": "100",
            ])
    }

    @Test func capabilitiesSayWhatGitLabCanDo() {
        let capabilities = forge(RecordingHTTPClient()).capabilities
        #expect(!capabilities.checkRuns)
        #expect(capabilities.resolvableThreads)
        #expect(capabilities.maximumCommentLength == 1_000_000)
        #expect(capabilities.suggestionFence == .gitlab)
    }
}
