import Foundation
import HTTPKit
import ShipshapeTesting
import Testing
@testable import Forge

/// Gitea's `pulls/{base}/{head}` names no order (GetPullRequestByBaseHeadInfo: one row, no
/// ORDER BY; in practice the oldest), so the latest pull request of a branch is found from the list.
@Suite struct GiteaLatestPullRequestTests {
    @Test func theNewestPullRequestOfTheBranchIsFoundWhateverItsState() async throws {
        let forge = try TestForge(flavor: .gitea)
        defer { forge.shutdown() }
        let base = String(repeating: "a", count: 40), head = String(repeating: "b", count: 40)
        forge.state.addUser(login: "shipshape-bot", token: "bot-token", permission: "write")
        forge.state.addRepository(owner: "acme", name: "shop", cloneURL: "http://127.0.0.1/acme/shop.git")
        let client = GiteaForge(repository: RepositoryID("acme/shop")!, apiRoot: forge.apiRoot, client: CurlHTTPClient(),
                                credentials: TokenCredentials(token: "bot-token", scheme: .token), botLogin: "shipshape-bot")
        var numbers: [Int] = []
        for title in ["Update cert-manager to v1.15.0", "Update cert-manager to v1.16.0"] {
            let number = forge.state.openPullRequest(repository: "acme/shop", author: "shipshape-bot", title: title, baseBranch: "main",
                                                     baseSHA: base, headBranch: "shipshape/cert-manager", headSHA: head, files: [])
            try await client.closePullRequest(number)
            numbers.append(number)
        }
        _ = forge.state.openPullRequest(repository: "acme/shop", author: "shipshape-bot", title: "Other", baseBranch: "main",
                                        baseSHA: base, headBranch: "shipshape/ingress-nginx", headSHA: head, files: [])

        let latest = try await client.latestPullRequest(head: "shipshape/cert-manager", base: "main")

        #expect(latest?.number == numbers.last)
        #expect(latest?.state == .closed)
        #expect(try await client.latestPullRequest(head: "shipshape/none", base: "main") == nil)
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }
}
