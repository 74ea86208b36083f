import Forge
import Foundation
import JSONKit
import Testing

/// Deliveries that cannot be read: the error says which forge, delivery, header or field.
@Suite struct WebhookDecodingErrorTests {
    typealias Fixtures = WebhookFixtures

    @Test func aTruncatedBodyIsRefusedThenUnreadable() throws {
        let full = try Fixtures.body("github/webhooks/pull_request/opened.payload.json")
        let truncated = full.prefix(full.count / 2)
        let signedForFull = Fixtures.gitHubHeaders(event: "pull_request", body: full, delivery: "d-1")
        #expect(
            WebhookVerifier.verify(forge: .github, headers: signedForFull, body: truncated, secret: Fixtures.secret)
                != .valid)

        let signedForTruncated = Fixtures.gitHubHeaders(event: "pull_request", body: truncated, delivery: "d-1")
        #expect(
            WebhookVerifier.verify(
                forge: .github, headers: signedForTruncated, body: truncated, secret: Fixtures.secret) == .valid)
        let error = try #require(throws: WebhookError.self) {
            try WebhookDecoder.decode(forge: .github, headers: signedForTruncated, body: truncated)
        }
        guard case .unreadableBody(.github, "d-1", "pull_request", _) = error else {
            Issue.record("unexpected error: \(error)")
            return
        }
        #expect(error.description.hasPrefix("github delivery d-1 (pull_request): the body is not a JSON object ("))
        #expect(error.description.contains("14005 bytes received"))
    }

    @Test(arguments: [Data(), Data("[1, 2]".utf8), Data("payload=%7B%7D".utf8)])
    func bodiesThatAreNotAJSONObject(_ body: Data) throws {
        let headers = ["x-github-event": "ping", "x-github-delivery": "d-2"]
        #expect(throws: WebhookError.self) { try WebhookDecoder.decode(forge: .github, headers: headers, body: body) }
    }

    @Test(arguments: [
        (ForgeKind.github, ["x-github-delivery": "d-3"], ["X-GitHub-Event"]),
        (.github, ["x-github-event": "ping"], ["X-GitHub-Delivery"]),
        (.gitea, ["x-gitea-delivery": "d-3"], ["X-Gitea-Event", "X-Forgejo-Event", "X-Gogs-Event", "X-GitHub-Event"]),
        (
            .gitlab, ["x-gitlab-event": "Push Hook", "x-gitlab-webhook-uuid": "02affd2d"],
            ["Idempotency-Key", "X-Gitlab-Event-UUID"]
        ),
    ])
    func missingHeadersAreNamed(_ forge: ForgeKind, headers: [String: String], missing: [String]) {
        #expect(throws: WebhookError.missingHeader(forge: forge, names: missing)) {
            try WebhookDecoder.decode(forge: forge, headers: headers, body: Data("{}".utf8))
        }
    }

    @Test func theMessageForAMissingHeaderSaysWhatToCheck() {
        let error = WebhookError.missingHeader(forge: .github, names: ["X-GitHub-Event"])
        #expect(
            error.description
                == "github webhook: missing header X-GitHub-Event; is the webhook pointed at the right endpoint for github?"
        )
    }

    @Test func gitLabFallsBackToTheEventUUIDWithoutAnIdempotencyKey() throws {
        var headers = Fixtures.gitLabHeaders(event: "Pipeline Hook")
        headers["idempotency-key"] = nil
        let delivery = try WebhookDecoder.decode(forge: .gitlab, headers: headers, body: Data("{}".utf8))
        #expect(delivery.id == "13792a34-cac6-4fda-95a8-c58e00a3954e")
    }

    @Test func aMissingFieldIsNamedWithItsPath() throws {
        let payload = try Fixtures.json("github/webhooks/pull_request/opened.payload.json").setting(
            "pull_request.head", to: ["ref": "x"])
        let body = payload.jsonData
        #expect(
            throws: WebhookError.missingField(
                forge: .github, delivery: "d-4", event: "pull_request", field: "pull_request.head.sha",
                expected: "field")
        ) {
            try WebhookDecoder.decode(
                forge: .github, headers: Fixtures.gitHubHeaders(event: "pull_request", body: body, delivery: "d-4"),
                body: body)
        }
    }

    @Test func aMissingFieldInAListIsNamedWithItsIndex() throws {
        let payload = try Fixtures.json("github/webhooks/check_suite/rerequested.payload.json")
            .setting("check_suite.pull_requests", to: [["id": 1]])
        let body = payload.jsonData
        let error = try #require(throws: WebhookError.self) {
            try WebhookDecoder.decode(
                forge: .github, headers: Fixtures.gitHubHeaders(event: "check_suite", body: body, delivery: "d-5"),
                body: body)
        }
        #expect(
            error.description
                == "github delivery d-5 (check_suite): the payload has no field at 'check_suite.pull_requests.0.number'"
        )
    }
}
