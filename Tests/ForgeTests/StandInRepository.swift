import Foundation
import HTTPKit
import ShipshapeTesting

@testable import Forge

/// A stand-in forge with the repository acme/shop, a bot user and alice, and the bot's client
/// for it: what the tests of one client call against the test forge start from.
struct StandInRepository {
    static let base = String(repeating: "a", count: 40)
    static let head = String(repeating: "b", count: 40)
    static let repository = "acme/shop"

    let forge: TestForge

    init(_ flavor: TestForgeState.Flavor, bot: String) throws {
        forge = try TestForge(flavor: flavor)
        forge.state.addUser(login: bot, token: "bot-token", permission: "write")
        forge.state.addUser(login: "alice", token: "alice-token", permission: "write")
        forge.state.addRepository(owner: "acme", name: "shop", cloneURL: "http://127.0.0.1/acme/shop.git")
    }

    /// A pull request from `headBranch` into main, by alice, changing `files`.
    func openPullRequest(headBranch: String = "feature", files: [TestForgeState.SeededFile]) -> Int {
        forge.state.openPullRequest(
            repository: Self.repository, author: "alice", title: "Change", baseBranch: "main", baseSHA: Self.base,
            headBranch: headBranch, headSHA: Self.head, files: files)
    }

    /// A pull request that adds app.yaml with two lines, a and b.
    func openPullRequestAddingTwoLines() -> Int {
        openPullRequest(files: [
            TestForgeState.SeededFile(path: "app.yaml", status: "added", patch: "@@ -0,0 +1,2 @@\n+a\n+b")
        ])
    }

    /// A review of that pull request's head by `client`, commenting "one" and "two" on its lines.
    func reviewBothLines(of number: Int, with client: any Forge, body: String) async throws -> [PostedComment] {
        try await client.postReview(
            on: number,
            ReviewSubmission(
                commitSHA: Self.head, baseSHA: Self.base, startSHA: Self.base, body: body,
                comments: [
                    InlineComment(path: "app.yaml", line: 1, body: "one"),
                    InlineComment(path: "app.yaml", line: 2, body: "two"),
                ]))
    }

    /// Registers GitHub App 4242, installed as 77, with a new key, and returns the key (PEM).
    func installApp() throws -> String {
        let key = try OpenSSLTool.generateRSAKey()
        forge.state.enableGitHubApp(appID: "4242", installationID: 77) { [publicKey = key.publicKey] in
            OpenSSLTool.verifiesRS256($0, publicKey: publicKey)
        }
        return key.privateKey
    }

    func github() -> GitHubForge {
        GitHubForge(
            repository: RepositoryID(Self.repository)!, apiRoot: forge.apiRoot, client: CurlHTTPClient(),
            credentials: TokenCredentials(token: "bot-token"))
    }

    func gitea(bot: String) -> GiteaForge {
        GiteaForge(
            repository: RepositoryID(Self.repository)!, apiRoot: forge.apiRoot, client: CurlHTTPClient(),
            credentials: TokenCredentials(token: "bot-token", scheme: .token), botLogin: bot)
    }

    func gitlab(bot: String) -> GitLabForge {
        GitLabForge(
            repository: RepositoryID(Self.repository)!, apiRoot: forge.apiRoot, client: CurlHTTPClient(),
            credentials: TokenCredentials(token: "bot-token", scheme: .privateToken), botLogin: bot)
    }
}
