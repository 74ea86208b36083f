import Bot
import Forge
import Foundation
import Policy
import Review
import ShipshapeTesting
import Testing

/// Slash commands end to end: a person's comment on the stand-in forge, the job reading it, Git
/// pushes to the real `git http-backend` behind the forge, and a review run again afterwards.
@Suite struct CommandJobTests {
    static let file = "apps/shop/web.yaml"

    @Test(arguments: ForgePublicationTests.flavors)
    func aWriterFixesTheBranch(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push([Self.file: PullRequestScenario.problematic])
        let client = try session.client()
        let before = try await session.review(with: client)
        let oldHead = try session.served("refs/heads/pr")

        let (comment, outcome) = try await session.command(
            "/shipshape fix", as: "alice", token: "alice-token", client: client)

        guard case .pushed(let commit, _, let branch) = outcome.result else {
            Issue.record("expected a push, got \(outcome.result)")
            return
        }
        #expect(branch == "refs/heads/pr")
        #expect(try session.served("refs/heads/pr") == commit, "the served branch moved to the bot's commit")
        #expect(try session.served("refs/heads/pr^") == oldHead, "on top of the head it fixed")
        let message = try session.servedMessage("refs/heads/pr")
        #expect(
            message.hasPrefix(
                "Fix \(outcome.changes.count) finding\(outcome.changes.count == 1 ? "" : "s") (shipshape)\n\n"),
            "\(message)")
        for change in outcome.changes { #expect(message.contains("- \(change)")) }
        #expect(
            try session.scenario.fixture.git(
                "--git-dir", session.scenario.bare, "log", "-1", "--format=%an <%ae>", "refs/heads/pr")
                == "Shipshape <bot@shipshape.dev>")
        #expect(session.reactions(on: comment) == ["eyes", "rocket"])
        let reply = try #require(session.replies().last)
        #expect(reply.contains("Pushed `\(commit.prefix(7))`"), "\(reply)")
        if flavor == .github {
            try Golden.check(
                reply.replacingOccurrences(of: String(commit.prefix(7)), with: "COMMIT"),
                against: "command-fix-reply-github.md")
            try Golden.check(message, against: "command-fix-commit-message.txt")
            try Golden.check(try session.servedFile(Self.file), against: "command-fix-web.yaml")
        }

        let fixed = Set(outcome.changes.map { String($0.prefix { $0 != ":" }) })
        #expect(!fixed.isEmpty)
        #expect(before.review.comments.contains { fixed.contains($0.finding.checkID) })
        try session.adoptServedBranch()
        let after = try await session.review(with: client)
        #expect(after.review.head == commit)
        #expect(!after.review.comments.contains { fixed.contains($0.finding.checkID) }, "the fixed findings are gone")
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }

    @Test(arguments: ForgePublicationTests.flavors)
    func aReaderIsRefusedPolitely(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push([Self.file: PullRequestScenario.problematic])
        session.forge.state.addUser(login: "bob", token: "bob-token", permission: "read")
        let client = try session.client()
        let head = try session.served("refs/heads/pr")

        let (comment, outcome) = try await session.command(
            "/shipshape fix", as: "bob", token: "bob-token", client: client)

        #expect(outcome.result == .refused)
        #expect(try session.served("refs/heads/pr") == head, "the branch is unchanged")
        #expect(session.reactions(on: comment) == ["eyes", "confused"])
        let reply = try #require(session.replies().last)
        #expect(reply.contains("needs write access to acme/shop"), "\(reply)")
        #expect(reply.contains("@bob"))
        if flavor == .github { try Golden.check(reply, against: "command-refusal-github.md") }
    }

    @Test(arguments: ForgePublicationTests.flavors)
    func ignoreAnnotatesTheObject(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push([Self.file: PullRequestScenario.problematic])
        let client = try session.client()
        let oldHead = try session.served("refs/heads/pr")

        // On GitLab without a reason: the default one names who accepted it, and where.
        let reason = flavor == .gitlab ? "accepted by alice in !1" : "testing only"
        let body =
            flavor == .gitlab ? "/shipshape ignore runAsPrivileged" : "/shipshape ignore RunAsPrivileged testing only"
        let (comment, outcome) = try await session.command(body, as: "alice", token: "alice-token", client: client)

        guard case .pushed = outcome.result else {
            Issue.record("expected a push, got \(outcome.result)")
            return
        }
        #expect(try session.served("refs/heads/pr^") == oldHead)
        let text = try session.servedFile(Self.file)
        #expect(
            text.contains(
                """
                metadata:
                  name: web
                  namespace: shop
                  annotations:
                    shipshape.dev/runAsPrivileged-exempt: "\(reason)"
                spec:
                """), "\(text)")
        #expect(text.contains("privileged: true"), "the finding's own line is untouched")
        if flavor == .github { try Golden.check(text, against: "command-ignore-web.yaml") }
        let message = try session.servedMessage("refs/heads/pr")
        #expect(message.hasPrefix("Exempt 1 object from runAsPrivileged (shipshape)"), "\(message)")
        #expect(message.contains("Deployment shop/web"))
        #expect(session.reactions(on: comment) == ["eyes", "rocket"])

        try session.adoptServedBranch()
        let after = try await session.review(with: client)
        #expect(!after.review.comments.contains { $0.finding.checkID == "runAsPrivileged" })
        #expect(after.review.comments.contains { $0.finding.checkID != "runAsPrivileged" }, "other findings stay")
    }

    /// A Kyverno rule of the repository: `/shipshape ignore` names it by its id, spelled in any
    /// case; the annotation spells it `kyverno.<policy>.<rule>` (a key cannot hold `:` or `/`),
    /// and the next review honours it. An id no check of the review has gets a did-you-mean.
    @Test func ignoreTakesAKyvernoRuleOfTheRepository() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        let policy = """
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata: {name: team-rules}
            spec:
              validationFailureAction: Enforce
              rules:
                - name: no-privileged
                  match: {any: [{resources: {kinds: [Pod]}}]}
                  validate:
                    message: Privileged containers are not allowed.
                    pattern:
                      spec:
                        containers:
                          - =(securityContext):
                              =(privileged): "false"
            """
        try session.push(["policies/team.yaml": policy, Self.file: PullRequestScenario.problematic])
        let client = try session.client()
        let rule = "kyverno:team-rules/no-privileged"
        let before = try await session.review(with: client)
        #expect(before.review.comments.contains { $0.finding.checkID == rule })

        let (typo, refused) = try await session.command(
            "/shipshape ignore kyverno:team-rules/no-privilegd testing", as: "alice", token: "alice-token",
            client: client)
        #expect(refused.result == .answered)
        #expect(session.reactions(on: typo) == ["eyes", "confused"])
        let help = try #require(session.replies().last)
        #expect(help.contains("did you mean `\(rule)`?"), "\(help)")

        let (_, outcome) = try await session.command(
            "/shipshape ignore KYVERNO:team-rules/no-privileged testing only", as: "alice", token: "alice-token",
            client: client)
        guard case .pushed = outcome.result else {
            Issue.record("expected a push, got \(outcome.result)")
            return
        }
        let text = try session.servedFile(Self.file)
        #expect(
            text.contains("    shipshape.dev/kyverno.team-rules.no-privileged-exempt: \"testing only\"\n"), "\(text)")
        #expect(try session.servedMessage("refs/heads/pr").hasPrefix("Exempt 1 object from \(rule) (shipshape)"))
        try session.adoptServedBranch()
        let after = try await session.review(with: client)
        #expect(!after.review.comments.contains { $0.finding.checkID == rule })
        #expect(after.review.comments.contains { $0.finding.checkID == "runAsPrivileged" }, "other findings stay")
    }

    @Test(arguments: ForgePublicationTests.flavors)
    func aHumanPushMeanwhileIsNeverOverwritten(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push([Self.file: PullRequestScenario.problematic])
        let client = try session.client()
        // A person pushes after the forge told the bot the head: the forge has not caught up.
        let human = try session.scenario.push(["apps/shop/notes.txt": "a human was here\n"], message: "human change")

        let (comment, outcome) = try await session.command(
            "/shipshape fix", as: "alice", token: "alice-token", client: client)

        guard case .failed(let why) = outcome.result else {
            Issue.record("expected a refused push, got \(outcome.result)")
            return
        }
        #expect(why.contains("moved"), "\(why)")
        #expect(try session.served("refs/heads/pr") == human, "the branch keeps the human's commit")
        #expect(session.reactions(on: comment) == ["eyes", "confused"])
        let reply = try #require(session.replies().last)
        #expect(reply.contains("The branch `pr` moved"), "\(reply)")
        #expect(reply.contains("`\(human.prefix(7))`"), "the reply names where the branch is now")
        if flavor == .github { try Golden.check(reply, against: "command-branch-moved-github.md") }
    }

    @Test(arguments: ForgePublicationTests.flavors)
    func helpAndTyposAreAnswered(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push([Self.file: PullRequestScenario.problematic])
        let client = try session.client()

        let (helpComment, help) = try await session.command(
            "/shipshape help", as: "alice", token: "alice-token", client: client)
        #expect(help.result == .answered)
        #expect(session.reactions(on: helpComment) == ["eyes", "rocket"])
        let helpText = try #require(help.reply?.body)
        for verb in SlashCommandParser.Verb.allCases { #expect(helpText.contains("`\(verb.usage)`")) }
        #expect(helpText.contains("people with write access to acme/shop"))
        if flavor == .github { try Golden.check(helpText, against: "command-help-github.md") }

        let (typoComment, typo) = try await session.command(
            "/shipshape fxi", as: "alice", token: "alice-token", client: client)
        #expect(typo.result == .answered)
        #expect(session.reactions(on: typoComment) == ["eyes", "confused"])
        #expect(typo.reply?.body.contains("Did you mean `/shipshape fix`?") == true)
        if flavor == .gitlab { try Golden.check(typo.reply?.body ?? "", against: "command-unknown-verb-gitlab.md") }

        let (_, chatter) = try await session.command(
            "Looks good to me", as: "alice", token: "alice-token", client: client)
        #expect(chatter.result == .ignored)
        #expect(chatter.reply == nil)
        #expect(session.replies().count == 2)
    }

    @Test func recheckPublishesTheReviewAgain() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([Self.file: PullRequestScenario.problematic])
        session.forge.state.addUser(login: "bob", token: "bob-token", permission: "read")
        let client = try session.client()

        let (comment, outcome) = try await session.command(
            "/shipshape recheck", as: "bob", token: "bob-token", client: client)

        #expect(outcome.result == .reviewed, "anyone may ask for a review")
        #expect(session.reactions(on: comment) == ["eyes", "rocket"])
        #expect(!session.inlineComments.isEmpty)
        #expect(session.latestStatus(of: session.scenario.headSHA) == "failure")
    }

    @Test func theBotsOwnCommentsAreIgnored() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push([Self.file: PullRequestScenario.problematic])
        let client = try session.client()

        let (comment, outcome) = try await session.command(
            "/shipshape fix", as: "shipshape-bot", token: ForgeSession.botToken, client: client)

        #expect(outcome.result == .ignored)
        #expect(session.reactions(on: comment).isEmpty)
        #expect(session.replies().isEmpty)
    }
}
