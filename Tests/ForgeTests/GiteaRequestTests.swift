import Forge
import Foundation
import HTTPKit
import JSONKit
import Testing

/// The requests the Gitea client sends: methods, paths and bodies with the field names of Gitea's
/// Swagger (CreatePullReviewOptions, CreateStatusOption, IssueLabelsOption, EditIssueCommentOption).
@Suite struct GiteaRequestTests {
    static let root = "/api/v1/repos/octo/deploy"
    typealias Fixture = GiteaPayloadFixtures

    func forge(_ client: RecordingHTTPClient) -> GiteaForge {
        GiteaForge(
            repository: RepositoryID(owner: "octo", name: "deploy"),
            apiRoot: URL(string: "https://gitea.example/api/v1")!,
            client: client, credentials: TokenCredentials(token: "t0ken", scheme: .token), botLogin: "shipshape")
    }

    @Test func postsAReviewWithItsInlineCommentsOnNewSideLines() async throws {
        let client = RecordingHTTPClient([
            "POST \(Self.root)/pulls/7/reviews": .ok(Fixture.review(id: 40, state: "COMMENT", comments: 2)),
            "GET \(Self.root)/pulls/7/reviews/40/comments": .ok([
                Fixture.reviewComment(id: 50, reviewID: 40, path: "apps/api/deployment.yaml", position: 14)
            ]),
        ])
        let review = ReviewSubmission(
            commitSHA: "2222222222222222222222222222222222222222", baseSHA: "1111111111111111111111111111111111111111",
            startSHA: "1111111111111111111111111111111111111111", body: "Shipshape found 2 problems.",
            comments: [
                InlineComment(path: "apps/api/deployment.yaml", line: 14, body: "Set a memory limit."),
                InlineComment(
                    path: "apps/web/service.yaml", line: 9, startLine: 6, body: "```suggestion\nports: []\n```"),
            ])
        let posted = try await forge(client).postReview(on: 7, review)

        let request = try #require(client.request(.post, "\(Self.root)/pulls/7/reviews"))
        #expect(
            request.json == [
                "body": "Shipshape found 2 problems.", "commit_id": "2222222222222222222222222222222222222222",
                "event": "COMMENT",
                "comments": [
                    [
                        "path": "apps/api/deployment.yaml", "body": "Set a memory limit.", "new_position": 14,
                        "old_position": 0,
                    ],
                    [
                        "path": "apps/web/service.yaml", "body": "```suggestion\nports: []\n```", "new_position": 9,
                        "old_position": 0,
                    ],
                ],
            ])
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(posted.map(\.id) == ["50"])
        #expect(posted.first?.threadID == "40")
    }

    @Test func anEmptyReviewPostsNothing() async throws {
        let client = RecordingHTTPClient()
        let review = ReviewSubmission(commitSHA: "2222", baseSHA: "1111", startSHA: "1111", body: "", comments: [])
        #expect(try await forge(client).postReview(on: 7, review).isEmpty)
        #expect(client.calls.isEmpty)
    }

    @Test(arguments: [
        (CommitCheck.Conclusion?.none, "pending"), (.success, "success"), (.neutral, "success"), (.failure, "failure"),
    ])
    func publishesACommitStatus(conclusion: CommitCheck.Conclusion?, state: String) async throws {
        let client = RecordingHTTPClient([
            "POST \(Self.root)/statuses/2222222222222222222222222222222222222222": .init(status: 201, body: ["id": 1])
        ])
        let check = CommitCheck(
            name: "shipshape", headSHA: "2222222222222222222222222222222222222222", conclusion: conclusion,
            title: "2 problems in 1 file", detailsURL: "https://shipshape.example/runs/5")
        try await forge(client).publish(check)
        let request = try #require(client.requests.first)
        #expect(request.method == .post)
        #expect(request.encodedPath == "\(Self.root)/statuses/2222222222222222222222222222222222222222")
        #expect(
            request.json == [
                "state": .string(state), "context": "shipshape", "description": "2 problems in 1 file",
                "target_url": "https://shipshape.example/runs/5",
            ])
    }

    @Test func editsAReviewCommentThroughTheIssueCommentEndpoint() async throws {
        let client = RecordingHTTPClient([
            "PATCH \(Self.root)/issues/comments/50": .ok(
                Fixture.issueComment(id: 50, body: "Fixed.", login: "shipshape"))
        ])
        let comment = PostedComment(
            id: "50", kind: .inline, body: "Set a memory limit.", author: "shipshape", threadID: "40")
        try await forge(client).updateComment(comment, on: 7, body: "Fixed.")
        #expect(client.requests.first?.json == ["body": "Fixed."])
        #expect(client.calls == ["PATCH \(Self.root)/issues/comments/50"])
    }

    @Test func aGiteaThatAnswers204WithoutEditingIsReported() async throws {
        let client = RecordingHTTPClient(["PATCH \(Self.root)/issues/comments/50": .init(status: 204, body: nil)])
        let comment = PostedComment(id: "50", kind: .inline, body: "old", author: "shipshape", threadID: "40")
        await #expect(throws: ForgeError.self) { try await forge(client).updateComment(comment, on: 7, body: "new") }
    }

    @Test func reviewCommentsCannotBeDeletedOrResolved() async throws {
        let client = RecordingHTTPClient()
        let comment = PostedComment(id: "50", kind: .inline, body: "old", author: "shipshape", threadID: "40")
        await #expect(throws: ForgeError.self) { try await forge(client).deleteComment(comment, on: 7) }
        await #expect(throws: ForgeError.self) { try await forge(client).resolve(comment, on: 7) }
        #expect(client.calls.isEmpty)
    }

    @Test func deletesAConversationComment() async throws {
        let client = RecordingHTTPClient(["DELETE \(Self.root)/issues/comments/31": .init(status: 204, body: nil)])
        try await forge(client).deleteComment(
            PostedComment(id: "31", kind: .conversation, body: "", author: "shipshape"), on: 7)
        #expect(client.calls == ["DELETE \(Self.root)/issues/comments/31"])
    }

    @Test func createsAPullRequestThenAddsItsLabelsByName() async throws {
        let client = RecordingHTTPClient([
            "POST \(Self.root)/pulls": .init(status: 201, body: Fixture.pullRequest()),
            "POST \(Self.root)/issues/7/labels": .ok([["id": 2, "name": "infra"], ["id": 3, "name": "shipshape"]]),
        ])
        let draft = PullRequestDraft(
            title: "Raise memory limits", body: "Bumps the API's limits.", head: "limits", base: "main",
            labels: ["infra", "shipshape"])
        let created = try await forge(client).createPullRequest(draft)
        #expect(client.calls == ["POST \(Self.root)/pulls", "POST \(Self.root)/issues/7/labels"])
        #expect(
            client.requests[0].json == [
                "title": "Raise memory limits", "body": "Bumps the API's limits.", "head": "limits", "base": "main",
            ])
        #expect(client.requests[1].json == ["labels": ["infra", "shipshape"]])
        #expect(created.labels == ["infra", "shipshape"])
    }

    @Test func findsTheOpenPullRequestOfABranchOfThisRepositoryOnly() async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.root)/pulls": .ok([Fixture.pullRequest(headRepository: "bob/deploy"), Fixture.pullRequest()])
        ])
        let found = try await forge(client).openPullRequest(head: "limits", base: "main")
        #expect(found?.number == 7)
        #expect(found?.isFromFork == false)
        #expect(client.requests.first?.queryItems == ["state": "open", "base_branch": "main", "limit": "50"])
    }

    @Test func reactsWithGiteasReactionNames() async throws {
        let client = RecordingHTTPClient([
            "POST \(Self.root)/issues/comments/31/reactions": .init(status: 201, body: ["content": "+1"])
        ])
        try await forge(client).react(
            .thumbsUp, to: PostedComment(id: "31", kind: .conversation, body: "", author: "alice"), on: 7)
        #expect(client.requests.first?.json == ["content": "+1"])
    }

    @Test func capabilitiesSayWhatGiteaLacks() {
        let capabilities = forge(RecordingHTTPClient()).capabilities
        #expect(!capabilities.checkRuns)
        #expect(!capabilities.resolvableThreads)
        #expect(capabilities.suggestionFence == .github)
    }
}
