import Forge
import Foundation
import HTTPKit
import JSONKit
import Testing

/// Gitea's answers read into the bot's model, through the public client.
@Suite struct GiteaParsingTests {
    static let root = "/api/v1/repos/octo/deploy"
    typealias Fixture = GiteaPayloadFixtures

    func forge(_ client: RecordingHTTPClient) -> GiteaForge {
        GiteaForge(
            repository: RepositoryID(owner: "octo", name: "deploy"),
            apiRoot: URL(string: "https://gitea.example/api/v1")!,
            client: client, credentials: TokenCredentials(token: "t0ken", scheme: .token), botLogin: "shipshape")
    }

    @Test func readsAPullRequestOfTheSameRepository() async throws {
        let client = RecordingHTTPClient(["GET \(Self.root)/pulls/7": .ok(Fixture.pullRequest())])
        let pull = try await forge(client).pullRequest(7)
        #expect(
            pull
                == PullRequest(
                    number: 7, title: "Raise memory limits", body: "Bumps the API's limits.", state: .open,
                    author: "alice",
                    baseBranch: "main", baseSHA: "1111111111111111111111111111111111111111", headBranch: "limits",
                    headSHA: "2222222222222222222222222222222222222222",
                    cloneURL: "https://gitea.example/octo/deploy.git",
                    forkCloneURL: nil, maintainerCanModify: true, headRef: "refs/pull/7/head",
                    webURL: "https://gitea.example/octo/deploy/pulls/7", isDraft: false, labels: ["infra"]))
        #expect(client.requests.first?.headers["Authorization"] == "token t0ken")
    }

    @Test func aHeadInAnotherRepositoryIsAFork() async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.root)/pulls/7": .ok(Fixture.pullRequest(headRepository: "bob/deploy"))
        ])
        let pull = try await forge(client).pullRequest(7)
        #expect(pull.forkCloneURL == "https://gitea.example/bob/deploy.git")
        #expect(pull.cloneURL == "https://gitea.example/octo/deploy.git")
        #expect(pull.isFromFork)
    }

    @Test func mergedWinsOverClosed() async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.root)/pulls/7": .ok(Fixture.pullRequest(merged: true, state: "closed"))
        ])
        #expect(try await forge(client).pullRequest(7).state == .merged)
    }

    @Test func readsChangedFilesWithGiteasStatusNames() async throws {
        let client = RecordingHTTPClient(["GET \(Self.root)/pulls/7/files": .ok(Fixture.files)])
        let files = try await forge(client).changedFiles(of: 7)
        #expect(
            files == [
                ChangedFile(path: "apps/api/deployment.yaml", status: .modified),
                ChangedFile(path: "apps/web/service.yaml", status: .added),
                ChangedFile(path: "apps/old/cronjob.yaml", status: .removed),
                ChangedFile(path: "apps/api/hpa.yaml", previousPath: "apps/api/autoscaler.yaml", status: .renamed),
            ])
        #expect(client.requests.first?.queryItems["limit"] == "50")
    }

    @Test func listsConversationCommentsThenTheCommentsOfSubmittedReviews() async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.root)/issues/7/comments": .ok([
                Fixture.issueComment(id: 31, body: "/shipshape fix", login: "alice")
            ]),
            "GET \(Self.root)/pulls/7/reviews": .ok([
                Fixture.review(id: 40, state: "COMMENT", comments: 2),
                Fixture.review(id: 41, state: "APPROVED", comments: 0),
                Fixture.review(id: 42, state: "PENDING", comments: 1),
            ]),
            "GET \(Self.root)/pulls/7/reviews/40/comments": .ok([
                Fixture.reviewComment(id: 50, reviewID: 40, path: "apps/api/deployment.yaml", position: 14),
                Fixture.reviewComment(
                    id: 51, reviewID: 40, path: "apps/old/cronjob.yaml", position: 0, originalPosition: 8,
                    resolved: true),
            ]),
        ])
        let comments = try await forge(client).comments(on: 7)
        #expect(
            comments == [
                PostedComment(id: "31", kind: .conversation, body: "/shipshape fix", author: "alice"),
                PostedComment(
                    id: "50", kind: .inline, body: "Set a memory limit.", author: "shipshape",
                    path: "apps/api/deployment.yaml",
                    line: 14, threadID: "40"),
                PostedComment(
                    id: "51", kind: .inline, body: "Set a memory limit.", author: "shipshape",
                    path: "apps/old/cronjob.yaml",
                    line: 8, threadID: "40", isResolved: true),
            ])
        #expect(!client.calls.contains("GET \(Self.root)/pulls/7/reviews/41/comments"))
        #expect(!client.calls.contains("GET \(Self.root)/pulls/7/reviews/42/comments"))
    }

    @Test(arguments: [
        ("owner", Permission.admin), ("admin", .admin), ("write", .write), ("read", .read), ("none", .none),
    ])
    func mapsCollaboratorPermissions(permission: String, expected: Permission) async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.root)/collaborators/alice/permission": .ok([
                "permission": .string(permission), "role_name": .string(permission),
                "user": Fixture.user,
            ])
        ])
        #expect(try await forge(client).permission(of: "alice") == expected)
    }

    @Test func anUnknownUserHasNoPermission() async throws {
        #expect(try await forge(RecordingHTTPClient()).permission(of: "mallory") == .none)
    }

    @Test func aForbiddenPermissionProbeSaysTheTokenNeedsAdminRights() async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.root)/collaborators/alice/permission": .init(status: 403, body: ["message": "forbidden"])
        ])
        let error = await #expect(throws: ForgeError.self) { try await forge(client).permission(of: "alice") }
        #expect(error?.statusCode == 403)
        #expect(error?.description.contains("admin rights on octo/deploy") == true)
    }
}
