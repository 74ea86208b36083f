import Bot
import Forge
import Foundation
import ShipshapeTesting
import Testing

/// The rest of the Forge protocol per forge, against the stand-in: what upgrade PRs and slash
/// commands will stand on.
@Suite struct ForgeOperationsTests {
    @Test(arguments: [TestForgeState.Flavor.github, .gitea, .gitlab])
    func pullRequestsLabelsReactionsAndPermissions(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let forge = try session.client()
        let repository = ForgeSession.repository

        let opened = try await forge.pullRequest(1)
        #expect(opened.author == "alice")
        #expect(opened.baseBranch == "main" && opened.headBranch == "pr")
        #expect(opened.headSHA == session.scenario.headSHA)
        #expect(!opened.isFromFork)
        #expect(try await forge.changedFiles(of: 1) == [ChangedFile(path: "apps/shop/web.yaml", status: .added)])

        // An upgrade branch, its pull request, found again by branch, labelled and retitled.
        session.forge.state.setBranch(
            repository: repository, name: "shipshape/upgrade/cert-manager", sha: session.scenario.headSHA)
        #expect(try await forge.openPullRequest(head: "shipshape/upgrade/cert-manager", base: nil) == nil)
        let draft = PullRequestDraft(
            title: "Update cert-manager to v1.17.1", body: "body", head: "shipshape/upgrade/cert-manager",
            base: "main", labels: ["dependencies"])
        let created = try await forge.createPullRequest(draft)
        let found = try #require(try await forge.openPullRequest(head: "shipshape/upgrade/cert-manager", base: "main"))
        #expect(found.number == created.number)
        #expect(
            session.forge.state.labels(repository: repository, pullRequest: created.number).contains("dependencies"))
        try await forge.addLabels(["upgrade"], to: created.number)
        #expect(session.forge.state.labels(repository: repository, pullRequest: created.number).contains("upgrade"))
        try await forge.updatePullRequest(created.number, title: "Update cert-manager to v1.17.2", body: nil)
        #expect(try await forge.pullRequest(created.number).title == "Update cert-manager to v1.17.2")

        // A reply acknowledged with reactions, then deleted.
        let reply = try await forge.createComment(on: 1, body: "/shipshape help")
        try await forge.react(.eyes, to: reply, on: 1)
        try await forge.react(.rocket, to: reply, on: 1)
        let reactions = session.forge.state.reactions(repository: repository, commentID: Int(reply.id) ?? 0)
        #expect(reactions.count == 2)
        try await forge.deleteComment(reply, on: 1)
        #expect(session.conversationComments.isEmpty)

        // Gitea answers others' permission only to admins (GetRepoPermissions), so an admin asks there.
        session.forge.state.addUser(login: "carol", token: "carol-token", permission: "admin")
        let asker = flavor == .gitea ? try session.client(authentication: .token("carol-token")) : forge
        #expect(try await asker.permission(of: "alice") >= .write)
        #expect(try await asker.permission(of: "nobody-here") == .none)
        #expect(try await forge.botLogin() == "shipshape-bot")
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }
}
