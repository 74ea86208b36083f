import Forge
import Foundation
import JSONKit
import Testing

/// Every GitHub example payload in shared/forge/github/webhooks, with the event name its folder gives.
@Suite struct WebhookGitHubDecodingTests {
    typealias Fixtures = WebhookFixtures

    static let helloWorld = RepositoryID(owner: "Codertocat", name: "Hello-World")
    static let pullRequestHead = "ec26c3e57ca3a959ca5aad62de7213c562f8c821"

    static func pullRequest(_ action: PullRequestEvent.Action) -> WebhookEvent {
        .pullRequest(
            PullRequestEvent(
                repository: helloWorld, number: 2, action: action, headSHA: pullRequestHead, isDraft: false))
    }

    static let tagDeleted = WebhookEvent.push(
        repository: helloWorld, ref: "refs/tags/simple-tag", after: String(repeating: "0", count: 40),
        isDefaultBranch: false)
    static let masterPushed = WebhookEvent.push(
        repository: helloWorld, ref: "refs/heads/master", after: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
        isDefaultBranch: true)
    static let checkRunRerun = WebhookEvent.checkRerun(
        repository: RepositoryID(owner: "github", name: "hello-world"),
        headSHA: "d6fde92930d4715a2b49857d24b940956b26d2d3", pullRequests: [])
    static let checkSuiteRerun = WebhookEvent.checkRerun(
        repository: helloWorld, headSHA: pullRequestHead, pullRequests: [2])
    static let installed = WebhookEvent.installation(
        id: 957387, action: "created", account: "Codertocat", repositories: [helloWorld])

    /// The expected meaning of each example file; a file added to the folder without a row here fails.
    static let expected: [String: WebhookEvent] = [
        "check_run/rerequested.payload.json": checkRunRerun,
        "check_run/rerequested.with-organization.payload.json": checkRunRerun,
        "check_suite/requested.payload.json": .ignored("check_suite requested"),
        "check_suite/requested.payload.with-email-with-special-characters.json": .ignored("check_suite requested"),
        "check_suite/requested.with-organization.payload.json": .ignored("check_suite requested"),
        "check_suite/rerequested.payload.json": checkSuiteRerun,
        "check_suite/rerequested.with-organization.payload.json": checkSuiteRerun,
        "installation/created.payload.json": installed,
        "installation/created.with-requester.payload.json": installed,
        "installation/deleted.payload.json": .installation(
            id: 2, action: "deleted", account: "octocat",
            repositories: [RepositoryID(owner: "octocat", name: "Hello-World")]),
        "installation/new_permissions_accepted.payload.json": .installation(
            id: 957387, action: "new_permissions_accepted", account: "Codertocat", repositories: [helloWorld]),
        "installation/suspend.payload.json": .installation(
            id: 16_598_467, action: "suspend", account: "Codertocat", repositories: []),
        "installation/unsuspend.payload.json": .installation(
            id: 16_598_467, action: "unsuspend", account: "Codertocat", repositories: []),
        "issue_comment/created.1.payload.json": .ignored("issue_comment on issue #1, not a pull request"),
        "issue_comment/created.payload.json": .ignored("issue_comment on issue #1, not a pull request"),
        "issue_comment/created.with-installation.payload.json": .ignored(
            "issue_comment on issue #1, not a pull request"),
        "issue_comment/created.with-organization.payload.json": .ignored(
            "issue_comment on issue #1, not a pull request"),
        "issue_comment/edited.payload.json": .ignored("issue_comment edited"),
        "issue_comment/edited.with-organization.payload.json": .ignored("issue_comment edited"),
        "ping/payload.json": .ping,
        "ping/with-app_id.payload.json": .ping,
        "ping/with-organization.payload.json": .ping,
        "pull_request/closed.payload.json": .ignored("pull_request closed"),
        "pull_request/closed.with-organization.payload.json": .ignored("pull_request closed"),
        "pull_request/opened.payload.json": pullRequest(.opened),
        "pull_request/opened.with-null-body.json": pullRequest(.opened),
        "pull_request/opened.with-organization.payload.json": pullRequest(.opened),
        "pull_request/reopened.payload.json": pullRequest(.reopened),
        "pull_request/reopened.with-organization.payload.json": pullRequest(.reopened),
        "pull_request/synchronize.payload.json": pullRequest(.synchronized),
        "push/1.payload.json": tagDeleted,
        "push/payload.json": tagDeleted,
        "push/with-installation.payload.json": tagDeleted,
        "push/with-new-branch.payload.json": masterPushed,
        "push/with-no-username-committer.payload.json": masterPushed,
        "push/with-organization.payload.json": tagDeleted,
    ]

    @Test func everyExampleFileHasAnExpectation() throws {
        let files = try Fixtures.payloadFiles(under: "github/webhooks")
        #expect(files.count == 36)
        #expect(Set(files) == Set(Self.expected.keys))
    }

    @Test(arguments: expected.keys.sorted())
    func decodesTheExample(_ file: String) throws {
        let body = try Fixtures.body("github/webhooks/" + file)
        let event = String(file.prefix { $0 != "/" })
        let headers = Fixtures.gitHubHeaders(event: event, body: body, delivery: "delivery-\(file)")
        #expect(WebhookVerifier.verify(forge: .github, headers: headers, body: body, secret: Fixtures.secret) == .valid)
        let expected = try #require(Self.expected[file])
        let delivery = try WebhookDecoder.decode(forge: .github, headers: headers, body: body)
        #expect(delivery == WebhookDelivery(forge: .github, id: "delivery-\(file)", event: event, webEvent: expected))
    }

    // MARK: Cases the examples do not cover, built from them

    func decode(_ event: String, _ payload: JSONValue, appID: Int? = nil) throws -> WebhookEvent {
        let body = payload.jsonData
        return try WebhookDecoder.decode(
            forge: .github, headers: Fixtures.gitHubHeaders(event: event, body: body), body: body, gitHubAppID: appID
        ).webEvent
    }

    @Test func aDraftBecomingReadyForReview() throws {
        let opened = try Fixtures.json("github/webhooks/pull_request/opened.payload.json")
        let ready = opened.setting("action", to: "ready_for_review")
        #expect(try decode("pull_request", ready) == Self.pullRequest(.readyForReview))
        let draft = opened.setting("pull_request.draft", to: true)
        guard case .pullRequest(let event) = try decode("pull_request", draft) else {
            Issue.record("a draft pull request was not decoded")
            return
        }
        #expect(event.isDraft)
        #expect(event.number == 2)
    }

    @Test(arguments: ["edited", "labeled", "converted_to_draft", "closed"])
    func otherPullRequestActionsAreIgnored(_ action: String) throws {
        let payload = try Fixtures.json("github/webhooks/pull_request/opened.payload.json").setting(
            "action", to: .string(action))
        #expect(try decode("pull_request", payload) == .ignored("pull_request \(action)"))
    }

    @Test func aCommentOnAPullRequest() throws {
        let payload = try Fixtures.json("github/webhooks/issue_comment/created.payload.json")
            .setting("issue.pull_request", to: ["url": "https://api.github.com/repos/Codertocat/Hello-World/pulls/1"])
        #expect(
            try decode("issue_comment", payload)
                == .comment(
                    CommentEvent(
                        repository: Self.helloWorld, number: 1, commentID: "492700400", author: "Codertocat",
                        authorIsBot: false,
                        body: "You are totally right! I'll get this fixed right away.")))
    }

    @Test(arguments: [("Bot", "shipshape"), ("User", "renovate[bot]")])
    func commentsByBotsSaySo(_ type: String, login: String) throws {
        let payload = try Fixtures.json("github/webhooks/issue_comment/created.payload.json")
            .setting("issue.pull_request", to: ["url": "https://api.github.com/repos/Codertocat/Hello-World/pulls/1"])
            .setting("comment.user.type", to: .string(type)).setting("comment.user.login", to: .string(login))
        guard case .comment(let comment) = try decode("issue_comment", payload) else {
            Issue.record("the comment was not decoded")
            return
        }
        #expect(comment.authorIsBot)
        #expect(comment.author == login)
    }

    @Test func anEditedCommentOnAPullRequestIsIgnored() throws {
        let payload = try Fixtures.json("github/webhooks/issue_comment/edited.payload.json")
            .setting("issue.pull_request", to: ["url": "https://api.github.com/repos/Codertocat/Hello-World/pulls/1"])
        #expect(try decode("issue_comment", payload) == .ignored("issue_comment edited"))
    }

    @Test func aReviewComment() throws {
        let comment = try #require(try Fixtures.json("github/webhooks/issue_comment/created.payload.json")["comment"])
        let payload: JSONValue = [
            "action": "created", "comment": comment, "pull_request": ["number": 7, "head": ["sha": "abc"]],
            "repository": ["full_name": "Codertocat/Hello-World"],
        ]
        guard case .comment(let event) = try decode("pull_request_review_comment", payload) else {
            Issue.record("the review comment was not decoded")
            return
        }
        #expect(event.number == 7)
        #expect(event.commentID == "492700400")
        #expect(event.kind == .inline, "a review comment is answered in its thread")
    }

    @Test func aCheckRerunOfAnotherAppsCheckIsIgnored() throws {
        let payload = try Fixtures.json("github/webhooks/check_run/rerequested.payload.json")
        #expect(try decode("check_run", payload, appID: 2) == Self.checkRunRerun)
        #expect(try decode("check_run", payload, appID: 99) == .ignored("check_run rerequested for another app (id 2)"))
    }

    @Test func repositoriesAddedToAnInstallation() throws {
        let payload: JSONValue = [
            "action": "added", "installation": ["id": 5, "account": ["login": "octo"]],
            "repositories_added": [["full_name": "octo/deploy"]], "repositories_removed": [["full_name": "octo/old"]],
        ]
        #expect(
            try decode("installation_repositories", payload)
                == .installation(
                    id: 5, action: "added", account: "octo", repositories: [RepositoryID(owner: "octo", name: "deploy")]
                ))
        #expect(
            try decode("installation_repositories", payload.setting("action", to: "removed"))
                == .installation(
                    id: 5, action: "removed", account: "octo", repositories: [RepositoryID(owner: "octo", name: "old")])
        )
    }

    @Test func aPushToAnotherBranchIsNotTheDefaultBranch() throws {
        let payload = try Fixtures.json("github/webhooks/push/with-new-branch.payload.json").setting(
            "ref", to: "refs/heads/feature")
        guard case .push(_, let ref, _, let isDefaultBranch) = try decode("push", payload) else {
            Issue.record("the push was not decoded")
            return
        }
        #expect(ref == "refs/heads/feature")
        #expect(!isDefaultBranch)
    }

    @Test func unknownEventsAreIgnoredByName() throws {
        #expect(try decode("star", ["action": "created"]) == .ignored("star"))
    }
}
