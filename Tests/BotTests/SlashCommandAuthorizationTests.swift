import Bot
import Forge
import ShipshapeTesting
import Testing

/// Who may run what, asked of the stand-in forge's permission endpoint.
@Suite struct SlashCommandAuthorizationTests {
    @Test(arguments: ForgePublicationTests.flavors)
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
}
