import Forge
import Foundation
import JSONKit
import Testing

/// Gitea and Forgejo deliveries: the one official example (a push) and payloads built on the field
/// names of Gitea's `modules/structs/hook.go`.
@Suite struct WebhookGiteaDecodingTests {
    typealias Fixtures = WebhookFixtures

    @Test func theDocumentedPushVerifiesAndDecodes() throws {
        let body = try Fixtures.body("gitea/webhooks/push/docs-2021.push.json")
        let headers = [
            "x-gitea-event": "push", "x-gitea-event-type": "push",
            "x-gitea-delivery": "f6266f16-1bf3-46a5-9ea4-602e06ead473",
            "x-gitea-signature": "ad2884635c9753b882e1130af0d8551aa94b5a760e9d89ed977e529eeb35ad29",
        ]
        #expect(WebhookVerifier.verify(forge: .gitea, headers: headers, body: body, secret: Fixtures.secret) == .valid)
        let delivery = try WebhookDecoder.decode(forge: .gitea, headers: headers, body: body)
        #expect(
            delivery
                == WebhookDelivery(
                    forge: .gitea, id: "f6266f16-1bf3-46a5-9ea4-602e06ead473", event: "push",
                    webEvent: .push(
                        repository: RepositoryID(owner: "gitea", name: "webhooks"), ref: "refs/heads/develop",
                        after: "bffeb74224043ba2feb48d137756c8a9331c449a", isDefaultBranch: false)))
    }

    @Test func aPushToTheDefaultBranch() throws {
        let payload = try Fixtures.json("gitea/webhooks/push/docs-2021.push.json").setting(
            "ref", to: "refs/heads/master")
        guard case .push(_, _, _, let isDefaultBranch) = try decode("push", payload) else {
            Issue.record("the push was not decoded")
            return
        }
        #expect(isDefaultBranch)
    }

    static let deploy = RepositoryID(owner: "octo", name: "deploy")
    static let head = "2222222222222222222222222222222222222222"

    static func pullRequestPayload(action: String, draft: Bool? = nil) -> JSONValue {
        var pullRequest: JSONValue = [
            "id": 412, "number": 7, "title": "Raise memory limits", "state": "open",
            "head": ["ref": "limits", "sha": .string(head), "repo": ["full_name": "octo/deploy"]],
            "base": ["ref": "main", "sha": "1111111111111111111111111111111111111111"],
        ]
        if let draft { pullRequest = pullRequest.setting("draft", to: .bool(draft)) }
        return [
            "action": .string(action), "number": 7, "pull_request": pullRequest, "commit_id": "",
            "repository": ["id": 10, "full_name": "octo/deploy", "default_branch": "main"],
            "sender": ["id": 3, "login": "alice"],
        ]
    }

    func decode(_ event: String, type: String? = nil, _ payload: JSONValue) throws -> WebhookEvent {
        let body = payload.jsonData
        return try WebhookDecoder.decode(
            forge: .gitea, headers: Fixtures.giteaHeaders(event: event, type: type, body: body), body: body
        ).webEvent
    }

    @Test(arguments: [
        ("opened", "pull_request", PullRequestEvent.Action.opened),
        ("synchronized", "pull_request_sync", .synchronized),
        ("reopened", "pull_request", .reopened),
    ])
    func pullRequestActions(_ action: String, type: String, expected: PullRequestEvent.Action) throws {
        #expect(
            try decode("pull_request", type: type, Self.pullRequestPayload(action: action))
                == .pullRequest(
                    PullRequestEvent(
                        repository: Self.deploy, number: 7, action: expected, headSHA: Self.head, isDraft: false)))
    }

    @Test func draftsAreReadWhereGiteaSendsTheField() throws {
        guard
            case .pullRequest(let event) = try decode(
                "pull_request", Self.pullRequestPayload(action: "opened", draft: true))
        else {
            Issue.record("the draft pull request was not decoded")
            return
        }
        #expect(event.isDraft)
    }

    @Test(arguments: [
        ("label_updated", "pull_request_label"), ("closed", "pull_request"), ("synchronize", "pull_request_sync"),
        ("review_requested", "pull_request_review_request"),
    ])
    func otherPullRequestActionsAreIgnored(_ action: String, type: String) throws {
        #expect(
            try decode("pull_request", type: type, Self.pullRequestPayload(action: action))
                == .ignored("pull_request \(action)"))
    }

    static func commentPayload(
        action: String = "created", isPull: Bool, pullRequestMeta: Bool = false, login: String = "alice"
    ) -> JSONValue {
        var issue: JSONValue = ["id": 90, "number": 7, "title": "Raise memory limits"]
        if pullRequestMeta { issue = issue.setting("pull_request", to: ["merged": false, "draft": false]) }
        return [
            "action": .string(action), "is_pull": .bool(isPull), "issue": issue,
            "comment": ["id": 31, "body": "/shipshape fix", "user": ["id": 5, "login": .string(login)]],
            "repository": ["full_name": "octo/deploy"], "sender": ["login": .string(login)],
        ]
    }

    @Test func aCommentOnAPullRequest() throws {
        let expected = WebhookEvent.comment(
            CommentEvent(
                repository: Self.deploy, number: 7, commentID: "31", author: "alice", authorIsBot: false,
                body: "/shipshape fix"))
        #expect(
            try decode("issue_comment", type: "pull_request_comment", Self.commentPayload(isPull: true)) == expected)
        #expect(
            try decode(
                "issue_comment", type: "issue_comment", Self.commentPayload(isPull: false, pullRequestMeta: true))
                == expected)
        #expect(try decode("issue_comment", Self.commentPayload(isPull: true)) == expected)
    }

    /// Gitea's webhook notifier fills `repository.permissions` with the commenter's access
    /// (services/webhook/notifier.go, CreateIssueComment: `GetUserRepoPermission(repo, doer)`).
    @Test func theCommentersAccessIsReadFromTheDelivery() throws {
        func stated(_ permissions: JSONValue, sender: String = "alice") throws -> Permission? {
            let payload = Self.commentPayload(isPull: true).setting(
                "repository", to: ["full_name": "octo/deploy", "permissions": permissions]
            )
            .setting("sender", to: ["login": .string(sender)])
            guard case .comment(let event) = try decode("issue_comment", type: "pull_request_comment", payload) else {
                return nil
            }
            return event.authorPermission
        }
        #expect(try stated(["admin": false, "push": true, "pull": true]) == .write)
        #expect(try stated(["admin": true, "push": true, "pull": true]) == .admin)
        #expect(try stated(["admin": false, "push": false, "pull": true]) == .read)
        #expect(try stated(["admin": false, "push": false, "pull": false]) == Permission.none)
        #expect(
            try stated(["admin": false, "push": true, "pull": true], sender: "mallory") == nil,
            "another sender's access is not the author's")
        #expect(try stated(["pull": true]) == nil, "an incomplete statement states nothing")
    }

    @Test func commentsOnIssuesAndEditsAreIgnored() throws {
        #expect(
            try decode("issue_comment", type: "issue_comment", Self.commentPayload(isPull: false))
                == .ignored("issue_comment on issue #7, not a pull request"))
        #expect(
            try decode(
                "issue_comment", type: "pull_request_comment", Self.commentPayload(action: "edited", isPull: true))
                == .ignored("issue_comment edited"))
    }

    @Test func reviewCommentsAreIgnored() throws {
        let payload = Self.pullRequestPayload(action: "reviewed").setting(
            "review", to: ["type": "pull_request_review_comment", "content": "nit"])
        #expect(
            try decode("pull_request_comment", type: "pull_request_review_comment", payload)
                == .ignored("pull_request_comment (review comment) reviewed"))
    }

    @Test func forgejoHeadersAloneAreEnough() throws {
        let body = Self.pullRequestPayload(action: "opened").jsonData
        let headers = [
            "x-forgejo-event": "pull_request", "x-forgejo-event-type": "pull_request",
            "x-forgejo-delivery": "forgejo-1",
            "x-forgejo-signature": WebhookSigner.hmacSHA256Hex(of: body, secret: Fixtures.secret),
        ]
        #expect(WebhookVerifier.verify(forge: .gitea, headers: headers, body: body, secret: Fixtures.secret) == .valid)
        let delivery = try WebhookDecoder.decode(forge: .gitea, headers: headers, body: body)
        #expect(delivery.id == "forgejo-1")
        #expect(delivery.event == "pull_request")
    }

    @Test func eventsTheBotDoesNotUseAreIgnoredByTheirType() throws {
        #expect(try decode("issues", type: "issue_label", ["action": "label_updated"]) == .ignored("issue_label"))
        #expect(try decode("create", ["ref": "v1", "ref_type": "tag"]) == .ignored("create"))
    }
}
