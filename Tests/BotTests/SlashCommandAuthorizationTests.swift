import Bot
import Forge
import JSONKit
import ShipshapeTesting
import Testing

/// Who may run what, asked of the stand-in forge's permission endpoint (GitHub, GitLab) or read
/// from the delivery (Gitea, whose endpoint answers only admins).
@Suite struct SlashCommandAuthorizationTests {
    @Test(arguments: [TestForgeState.Flavor.github, .gitlab])
    func branchChangesNeedWriteAccessOrTheList(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        session.forge.state.addUser(login: "bob", token: "bob-token", permission: "read")
        session.forge.state.addUser(login: "mallory", token: "mallory-token", permission: "triage")
        session.forge.state.addUser(login: "carol", token: "carol-token", permission: "admin")
        let client = try session.client()
        let authorizer = CommandAuthorizer(allowedUsers: ["Mallory"])
        func decide(_ command: SlashCommand, _ author: String) async throws -> CommandAuthorizer.Decision {
            try await authorizer.authorize(command, author: author, botLogin: "shipshape-bot", forge: client)
        }

        #expect(try await decide(.fix([]), "alice") == .allowed)
        #expect(try await decide(.ignore(checkID: "runAsPrivileged", reason: nil), "carol") == .allowed)
        #expect(try await decide(.fix([]), "mallory") == .allowed, "listed in the configuration, in another case")
        #expect(try await decide(.recheck, "bob") == .allowed)
        #expect(try await decide(.help, "bob") == .allowed)
        guard case .refused(let why) = try await decide(.fix(["runAsPrivileged"]), "bob") else {
            Issue.record("a read-only user may not fix")
            return
        }
        #expect(why.contains("needs write access to acme/shop"), "\(why)")
        #expect(why.contains("@Mallory"), "the refusal names who else may run it: \(why)")
        guard case .refused = try await decide(.ignore(checkID: "runAsPrivileged", reason: nil), "nobody-here") else {
            Issue.record("a stranger may not ignore")
            return
        }
        guard case .refused = try await decide(.help, "shipshape-bot") else {
            Issue.record("the bot never obeys itself")
            return
        }
    }

    /// Gitea answers its permission endpoint only to admins (`GetRepoPermissions`), so with the
    /// bot's write token the commenter's access comes from the comment's delivery, where Gitea
    /// states it (services/webhook/notifier.go, CreateIssueComment).
    @Test func giteaCommandsAreAuthorizedFromTheDelivery() async throws {
        let session = try ForgeSession(.gitea)
        defer { session.shutdown() }
        session.forge.state.addUser(login: "bob", token: "bob-token", permission: "read")
        let client = try session.client()
        await #expect(throws: ForgeError.self, "the stand-in refuses a write token, as Gitea does") {
            try await client.permission(of: "alice")
        }
        func stated(_ login: String, push: Bool) throws -> Permission? {
            let payload: JSONValue = [
                "action": "created", "is_pull": true, "issue": ["number": 1],
                "comment": ["id": 31, "body": "/shipshape fix", "user": ["login": .string(login)]],
                "repository": [
                    "full_name": "acme/shop", "permissions": ["admin": false, "push": .bool(push), "pull": true],
                ],
                "sender": ["login": .string(login)],
            ]
            let delivery = try WebhookDecoder.decode(
                forge: .gitea, headers: ["x-gitea-event": "issue_comment", "x-gitea-delivery": "d1"],
                body: payload.jsonData)
            guard case .comment(let event) = delivery.webEvent else { return nil }
            return event.authorPermission
        }
        let authorizer = CommandAuthorizer()
        let alice = try stated("alice", push: true)
        #expect(
            try await authorizer.authorize(
                .fix([]), author: "alice", stated: alice, botLogin: "shipshape-bot", forge: client) == .allowed)
        let bob = try stated("bob", push: false)
        guard
            case .refused(let why) = try await authorizer.authorize(
                .fix([]), author: "bob", stated: bob, botLogin: "shipshape-bot", forge: client)
        else {
            Issue.record("a reader may not fix on Gitea")
            return
        }
        #expect(why.contains("you have read access"), "\(why)")
    }
}
