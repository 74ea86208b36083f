import Forge
import Foundation
import HTTPKit
import JSONKit
import Testing

/// GitLab's answers read into the bot's model, through the public client.
@Suite struct GitLabParsingTests {
    static let project = "/api/v4/projects/platform%2Finfra%2Fdeploy"
    typealias Fixture = GitLabPayloadFixtures

    func forge(_ client: RecordingHTTPClient) -> GitLabForge {
        GitLabForge(
            repository: RepositoryID("platform/infra/deploy")!, apiRoot: URL(string: "https://gitlab.example/api/v4")!,
            client: client, credentials: TokenCredentials(token: "glpat-x", scheme: .privateToken),
            botLogin: "shipshape")
    }

    @Test func readsAMergeRequestWithTheProjectsCloneURL() async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.project)/merge_requests/1": .ok(Fixture.mergeRequest()),
            "GET \(Self.project)": .ok(Fixture.project(id: 14, path: "platform/infra/deploy")),
        ])
        let pull = try await forge(client).pullRequest(1)
        #expect(
            pull
                == PullRequest(
                    number: 1, title: "MS-Viewport", body: "Adds the viewport.", state: .open, author: "alice",
                    baseBranch: "master",
                    baseSHA: "c380d3acebd181f13629a25d2e2acca46ffe1e00", headBranch: "ms-viewport",
                    headSHA: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                    cloneURL: "https://gitlab.example/platform/infra/deploy.git",
                    forkCloneURL: nil, maintainerCanModify: true, headRef: "refs/merge-requests/1/head",
                    webURL: "https://gitlab.example/platform/infra/deploy/-/merge_requests/1", isDraft: false,
                    labels: ["API", "infra"],
                    createdAt: Date(timeIntervalSince1970: 1_386_091_414)))
        #expect(client.calls == ["GET \(Self.project)/merge_requests/1", "GET \(Self.project)"])
        #expect(client.requests.first?.headers["PRIVATE-TOKEN"] == "glpat-x")
    }

    @Test func aMergeRequestFromAnotherProjectIsAForkWithThatProjectsCloneURL() async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.project)/merge_requests/1": .ok(Fixture.mergeRequest(sourceProjectID: 27)),
            "GET \(Self.project)": .ok(Fixture.project(id: 14, path: "platform/infra/deploy")),
            "GET /api/v4/projects/27": .ok(Fixture.project(id: 27, path: "bob/deploy")),
        ])
        let pull = try await forge(client).pullRequest(1)
        #expect(pull.forkCloneURL == "https://gitlab.example/bob/deploy.git")
        #expect(pull.cloneURL == "https://gitlab.example/platform/infra/deploy.git")
    }

    @Test(arguments: [
        ("opened", PullRequest.State.open), ("merged", .merged), ("closed", .closed), ("locked", .closed),
    ])
    func mapsMergeRequestStates(state: String, expected: PullRequest.State) async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.project)/merge_requests/1": .ok(Fixture.mergeRequest(state: state)),
            "GET \(Self.project)": .ok(Fixture.project(id: 14, path: "platform/infra/deploy")),
        ])
        #expect(try await forge(client).pullRequest(1).state == expected)
    }

    @Test func readsChangedFilesFromTheDiffsEndpoint() async throws {
        let client = RecordingHTTPClient(["GET \(Self.project)/merge_requests/1/diffs": .ok(Fixture.diffs)])
        let files = try await forge(client).changedFiles(of: 1)
        #expect(
            files == [
                ChangedFile(path: "apps/api/deployment.yaml", status: .modified),
                ChangedFile(path: "apps/web/service.yaml", status: .added),
                ChangedFile(path: "apps/old/cronjob.yaml", status: .removed),
                ChangedFile(path: "apps/api/hpa.yaml", previousPath: "apps/api/autoscaler.yaml", status: .renamed),
            ])
        #expect(client.requests.first?.queryItems["per_page"] == "100")
    }

    @Test func readsDiscussionsIntoConversationAndInlineCommentsWithoutSystemNotes() async throws {
        let client = RecordingHTTPClient([
            "GET \(Self.project)/merge_requests/1/discussions": .ok([
                Fixture.discussion(
                    id: "6a9c1750b37d513a43987b574953fceb50b03ce7", individual: true,
                    notes: [
                        Fixture.note(id: 1126, body: "added 1 commit", author: Fixture.author, system: true)
                    ]),
                Fixture.discussion(
                    id: "87805b7c09016a7058e91bdbe7b29d1f284a39e6", individual: true,
                    notes: [
                        Fixture.note(id: 1128, body: "/shipshape fix", author: Fixture.author)
                    ]),
                Fixture.discussion(
                    id: "3107030c26ce9f1b55b1a0ea43b4aa6c1c0ef3f4", individual: false,
                    notes: [
                        Fixture.note(
                            id: 1130, body: "Set a memory limit.", author: Fixture.bot,
                            position: Fixture.position(path: "apps/api/deployment.yaml", newLine: 14), resolved: true),
                        Fixture.note(
                            id: 1131, body: "Done in the next commit.", author: Fixture.author,
                            position: Fixture.position(path: "apps/api/deployment.yaml", newLine: 14), resolved: true),
                    ]),
                Fixture.discussion(
                    id: "aa01", individual: false,
                    notes: [
                        Fixture.note(
                            id: 1140, body: "Why remove this?", author: Fixture.author,
                            position: Fixture.position(path: "apps/old/cronjob.yaml", newLine: nil, oldLine: 8),
                            resolved: false)
                    ]),
            ])
        ])
        let comments = try await forge(client).comments(on: 1)
        #expect(
            comments == [
                PostedComment(
                    id: "1128", kind: .conversation, body: "/shipshape fix", author: "alice",
                    threadID: "87805b7c09016a7058e91bdbe7b29d1f284a39e6"),
                PostedComment(
                    id: "1130", kind: .inline, body: "Set a memory limit.", author: "shipshape",
                    path: "apps/api/deployment.yaml",
                    line: 14, threadID: "3107030c26ce9f1b55b1a0ea43b4aa6c1c0ef3f4", isResolved: true),
                PostedComment(
                    id: "1131", kind: .inline, body: "Done in the next commit.", author: "alice",
                    path: "apps/api/deployment.yaml",
                    line: 14, threadID: "3107030c26ce9f1b55b1a0ea43b4aa6c1c0ef3f4", isResolved: true),
                PostedComment(
                    id: "1140", kind: .inline, body: "Why remove this?", author: "alice", path: "apps/old/cronjob.yaml",
                    line: 8, threadID: "aa01", isResolved: false),
            ])
    }

    @Test(arguments: [
        (50, Permission.admin), (40, .maintain), (30, .write), (20, .read), (15, .read), (10, .read), (5, .none),
    ])
    func mapsAccessLevels(accessLevel: Int, expected: Permission) async throws {
        let client = RecordingHTTPClient([
            "GET /api/v4/users": .ok([["id": 51, "username": "alice", "name": "Alice", "state": "active"]]),
            "GET \(Self.project)/members/all/51": .ok([
                "id": 51, "username": "alice", "access_level": JSONValue(accessLevel),
            ]),
        ])
        #expect(try await forge(client).permission(of: "alice") == expected)
        #expect(client.requests.first?.queryItems == ["username": "alice"])
    }

    @Test func aNonMemberOrUnknownUserHasNoPermission() async throws {
        let member404 = RecordingHTTPClient(["GET /api/v4/users": .ok([["id": 51, "username": "alice"]])])
        #expect(try await forge(member404).permission(of: "alice") == .none)
        let noUser = RecordingHTTPClient(["GET /api/v4/users": .ok([])])
        #expect(try await forge(noUser).permission(of: "mallory") == .none)
        #expect(noUser.calls == ["GET /api/v4/users"])
    }
}
