import Forge
import Foundation
import JSONKit
import Testing

/// GitLab's documented examples and the go-gitlab test payloads in shared/forge/gitlab/webhooks.
@Suite struct WebhookGitLabDecodingTests {
    typealias Fixtures = WebhookFixtures

    struct Example: Sendable, CustomTestStringConvertible {
        let file: String
        let event: String
        let expected: WebhookEvent
        var testDescription: String { file }
    }

    static let mergeRequestOpened = WebhookEvent.pullRequest(
        PullRequestEvent(
            repository: RepositoryID(owner: "gitlabhq", name: "gitlab-test"), number: 1, action: .opened,
            headSHA: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", isDraft: false))
    static let noteOnMergeRequest = WebhookEvent.comment(
        CommentEvent(
            repository: RepositoryID(owner: "gitlab-org", name: "gitlab-test"), number: 1, commentID: "1244",
            author: "root",
            authorIsBot: false, body: "This MR needs work."))

    /// Every file in the folder, with the `X-Gitlab-Event` GitLab sends for its `object_kind`.
    static let examples: [Example] = [
        Example(
            file: "docs/merge_request/merge_request.open.json", event: "Merge Request Hook",
            expected: mergeRequestOpened),
        Example(file: "docs/note/merge_request.create.json", event: "Note Hook", expected: noteOnMergeRequest),
        Example(
            file: "go-gitlab-testdata/group_merge_request.json", event: "Merge Request Hook",
            expected: .ignored("merge_request merge")),
        Example(
            file: "go-gitlab-testdata/merge_request.json", event: "Merge Request Hook", expected: mergeRequestOpened),
        Example(file: "go-gitlab-testdata/note_commit.json", event: "Note Hook", expected: .ignored("note on Commit")),
        Example(file: "go-gitlab-testdata/note_issue.json", event: "Note Hook", expected: .ignored("note on Issue")),
        Example(file: "go-gitlab-testdata/note_merge_request.json", event: "Note Hook", expected: noteOnMergeRequest),
        Example(file: "go-gitlab-testdata/pipeline.json", event: "Pipeline Hook", expected: .ignored("Pipeline Hook")),
        Example(
            file: "go-gitlab-testdata/push.json", event: "Push Hook",
            expected: .push(
                repository: RepositoryID(owner: "mike", name: "diaspora"), ref: "refs/heads/master",
                after: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", isDefaultBranch: true)),
        Example(
            file: "go-gitlab-testdata/service_merge_request.json", event: "Merge Request Hook",
            expected: .pullRequest(
                PullRequestEvent(
                    repository: RepositoryID(owner: "test", name: "woodpecker"), number: 2, action: .synchronized,
                    headSHA: "0ab96a10266b95b4b533dcfd98738015fbe70889", isDraft: false))),
        Example(file: "go-gitlab-testdata/tag_push.json", event: "Tag Push Hook", expected: .ignored("Tag Push Hook")),
    ]

    @Test func everyExampleFileHasAnExpectation() throws {
        #expect(try Set(Fixtures.payloadFiles(under: "gitlab/webhooks")) == Set(Self.examples.map(\.file)))
    }

    @Test(arguments: examples)
    func decodesTheExample(_ example: Example) throws {
        let body = try Fixtures.body("gitlab/webhooks/" + example.file)
        let headers = Fixtures.gitLabHeaders(event: example.event)
        #expect(WebhookVerifier.verify(forge: .gitlab, headers: headers, body: body, secret: Fixtures.secret) == .valid)
        let delivery = try WebhookDecoder.decode(forge: .gitlab, headers: headers, body: body)
        #expect(
            delivery
                == WebhookDelivery(
                    forge: .gitlab, id: "f5e5f430-f57b-4e6e-9fac-d9128cd7232f", event: example.event,
                    webEvent: example.expected))
    }

    // MARK: Cases the examples do not cover, built from them

    func decode(_ event: String, _ payload: JSONValue) throws -> WebhookEvent {
        try WebhookDecoder.decode(
            forge: .gitlab, headers: Fixtures.gitLabHeaders(event: event), body: payload.jsonData
        ).webEvent
    }

    static let opened = "gitlab/webhooks/docs/merge_request/merge_request.open.json"

    /// The docs example's `changes` include leaving draft, so the edit here replaces them with a title change.
    @Test func anUpdateWithoutNewCommitsIsIgnored() throws {
        let payload = try Fixtures.json(Self.opened).setting("object_attributes.action", to: "update")
            .setting("changes", to: ["title": ["previous": "Old title", "current": "New title"]])
        #expect(try decode("Merge Request Hook", payload) == .ignored("merge_request update without new commits"))
    }

    @Test func leavingDraftIsReadyForReview() throws {
        let payload = try Fixtures.json(Self.opened).setting("object_attributes.action", to: "update")
            .setting("changes.draft", to: ["previous": true, "current": false])
        guard case .pullRequest(let event) = try decode("Merge Request Hook", payload) else {
            Issue.record("leaving draft was not decoded")
            return
        }
        #expect(event.action == .readyForReview)
    }

    @Test func draftsSayso() throws {
        let payload = try Fixtures.json(Self.opened).setting("object_attributes.draft", to: true)
        guard case .pullRequest(let event) = try decode("Merge Request Hook", payload) else {
            Issue.record("the draft merge request was not decoded")
            return
        }
        #expect(event.isDraft)
    }

    @Test(arguments: ["close", "merge", "approved"])
    func otherMergeRequestActionsAreIgnored(_ action: String) throws {
        let payload = try Fixtures.json(Self.opened).setting("object_attributes.action", to: .string(action))
        #expect(try decode("Merge Request Hook", payload) == .ignored("merge_request \(action)"))
    }

    static let note = "gitlab/webhooks/docs/note/merge_request.create.json"

    @Test func editedNotesAreIgnored() throws {
        let payload = try Fixtures.json(Self.note).setting("object_attributes.action", to: "update")
        #expect(try decode("Note Hook", payload) == .ignored("note update"))
    }

    @Test(arguments: [
        ("shipshape-bot", false), ("project_278964_bot_7d4c1f0e", false), ("group_12_bot", false), ("renovate", true),
    ])
    func notesByBotsSaySo(_ username: String, flagged: Bool) throws {
        let payload = try Fixtures.json(Self.note).setting("user.username", to: .string(username)).setting(
            "user.bot", to: .bool(flagged))
        guard case .comment(let comment) = try decode("Note Hook", payload) else {
            Issue.record("the note was not decoded")
            return
        }
        #expect(comment.authorIsBot, "\(username)")
    }

    @Test(arguments: ["root", "talbot", "robot", "project_lead", "abbot"])
    func peopleAreNotBots(_ username: String) throws {
        let payload = try Fixtures.json(Self.note).setting("user.username", to: .string(username))
        guard case .comment(let comment) = try decode("Note Hook", payload) else {
            Issue.record("the note was not decoded")
            return
        }
        #expect(!comment.authorIsBot, "\(username)")
    }

    @Test func aSubgroupProjectKeepsItsGroups() throws {
        let payload = try Fixtures.json(Self.opened).setting("project.path_with_namespace", to: "platform/infra/deploy")
        guard case .pullRequest(let event) = try decode("Merge Request Hook", payload) else {
            Issue.record("the merge request was not decoded")
            return
        }
        #expect(event.repository == RepositoryID(owner: "platform/infra", name: "deploy"))
    }
}
