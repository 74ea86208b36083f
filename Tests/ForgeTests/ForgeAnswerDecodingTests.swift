import Forge
import Foundation
import HTTPKit
import JSONKit
import Testing

/// A forge answer or delivery without a field the bot needs is an error naming the forge, the
/// call and the field; before, a missing `number` read as 0 and a missing `head.sha` as "".
@Suite struct ForgeAnswerDecodingTests {
    static let giteaRoot = "/api/v1/repos/octo/deploy"

    func gitea(_ client: RecordingHTTPClient) -> GiteaForge {
        GiteaForge(
            repository: RepositoryID(owner: "octo", name: "deploy"),
            apiRoot: URL(string: "https://gitea.example/api/v1")!,
            client: client, credentials: TokenCredentials(token: "t0ken", scheme: .token), botLogin: "shipshape")
    }

    func github(_ client: RecordingHTTPClient) -> GitHubForge {
        GitHubForge(
            repository: RepositoryID(owner: "octo", name: "deploy"), apiRoot: URL(string: "https://api.github.com")!,
            client: client, credentials: TokenCredentials(token: "t0ken", scheme: .bearer), botLogin: "shipshape")
    }

    @Test func aPullRequestWithoutItsNumberIsAnErrorNamingIt() async throws {
        var answer = GiteaPayloadFixtures.pullRequest()
        if case .object(var fields) = answer {
            fields["number"] = nil
            answer = .object(fields)
        }
        let client = RecordingHTTPClient(["GET \(Self.giteaRoot)/pulls/7": .ok(answer)])
        let error = try await #require(throws: ForgeError.self) { try await gitea(client).pullRequest(7) }
        #expect(
            error.description
                == "GET /api/v1/repos/octo/deploy/pulls/7: unreadable response: gitea's answer has no field at 'number'"
        )
    }

    @Test func aPullRequestWithoutItsHeadCommitIsAnErrorNamingIt() async throws {
        let answer = GiteaPayloadFixtures.pullRequest().setting("head.sha", to: nil)
        let client = RecordingHTTPClient(["GET /repos/octo/deploy/pulls/7": .ok(answer)])
        let error = try await #require(throws: ForgeError.self) { try await github(client).pullRequest(7) }
        #expect(
            error.description
                == "GET /repos/octo/deploy/pulls/7: unreadable response: github's answer has no string at 'head.sha'")
    }

    @Test func aFractionalNumberIsNotRoundedIntoAPullRequestNumber() throws {
        let payload = try WebhookFixtures.json("github/webhooks/pull_request/opened.payload.json").setting(
            "pull_request.number", to: .number(2.5))
        let body = payload.jsonData
        // Foundation reports a number out of its type's range without the field's path, so only the refusal is checked.
        #expect(throws: WebhookError.self) {
            try WebhookDecoder.decode(
                forge: .github, headers: WebhookFixtures.gitHubHeaders(event: "pull_request", body: body), body: body)
        }
    }

    @Test func aDeliveryNestedBeyondTheDecodersDepthIsRefusedNotACrash() throws {
        let body = Data(
            ("{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}").utf8)
        let headers = ["x-github-event": "ping", "x-github-delivery": "d-deep"]
        #expect(throws: WebhookError.self) { try WebhookDecoder.decode(forge: .github, headers: headers, body: body) }
    }

    /// Absent fields with a meaning are optionals in the model, not defaults: GitLab's merge
    /// request without `diff_refs` (a list entry, or one GitLab has not diffed yet) has no base
    /// commit, and a review of it is an error naming the merge request, not a review against "".
    @Test func aMergeRequestWithoutDiffRefsHasNoBaseCommitAndAReviewOfItSaysSo() async throws {
        let project = "/api/v4/projects/platform%2Finfra%2Fdeploy"
        let answer = GitLabPayloadFixtures.mergeRequest().setting("diff_refs", to: nil).setting(
            "description", to: nil)
        let client = RecordingHTTPClient([
            "GET \(project)/merge_requests/1": .ok(answer),
            "GET \(project)": .ok(GitLabPayloadFixtures.project(id: 14, path: "platform/infra/deploy")),
        ])
        let forge = GitLabForge(
            repository: RepositoryID("platform/infra/deploy")!, apiRoot: URL(string: "https://gitlab.example/api/v4")!,
            client: client, credentials: TokenCredentials(token: "glpat-x", scheme: .privateToken),
            botLogin: "shipshape")
        let pull = try await forge.pullRequest(1)
        #expect(pull.baseSHA == nil)
        #expect(pull.body == nil)
        let error = try #require(throws: ForgeError.self) { try pull.requiredBaseSHA() }
        #expect(
            error.description == "not found: the base commit of #1: the forge's answer names none (no `diff_refs` yet?)"
        )
    }

    @Test func aPullRequestWithANullDescriptionHasNoBody() async throws {
        let answer = GiteaPayloadFixtures.pullRequest().setting("body", to: nil)
        let client = RecordingHTTPClient(["GET /repos/octo/deploy/pulls/7": .ok(answer)])
        let pull = try await github(client).pullRequest(7)
        #expect(pull.body == nil)
        #expect(try pull.requiredBaseSHA() == pull.baseSHA)
    }
}
