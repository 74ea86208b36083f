import HTTPKit
import ShipshapeTesting
import Testing

@testable import Forge

/// A verdict published again for the same commit (a job run again after a crash, a recheck)
/// updates the check run of that name instead of adding a second one: GitHub shows every run of
/// a name on the commit, and branch protection reads the newest. Annotations GitHub already has
/// are not sent again (updates append them).
@Suite struct GitHubCheckRunRepublishTests {
    static func client(_ standIn: StandInRepository) throws -> GitHubForge {
        let credentials = GitHubAppCredentials(
            jwt: try GitHubAppJWT(appID: "4242", privateKeyPEM: try standIn.installApp()), installationID: 77,
            repository: RepositoryID("acme/shop")!, apiRoot: standIn.forge.apiRoot, client: CurlHTTPClient())
        return GitHubForge(
            repository: RepositoryID("acme/shop")!, apiRoot: standIn.forge.apiRoot, client: CurlHTTPClient(),
            credentials: credentials)
    }

    static func annotations(_ count: Int) -> [CommitCheck.Annotation] {
        (1...count).map {
            CommitCheck.Annotation(
                path: "apps/web-\($0).yaml", startLine: $0, endLine: $0, level: .warning, title: "runAsRootAllowed",
                message: "may run as root")
        }
    }

    @Test(arguments: [3, 120])
    func aSecondPublicationUpdatesTheRunOfThatName(annotationCount: Int) async throws {
        let standIn = try StandInRepository(.github, bot: "shipshape")
        defer { standIn.forge.shutdown() }
        let client = try Self.client(standIn)
        let sha = String(repeating: "d", count: 40)
        let check = CommitCheck(
            name: "shipshape", headSHA: sha, conclusion: .neutral, title: "\(annotationCount) findings",
            summary: "summary", annotations: Self.annotations(annotationCount))

        try await client.publish(check)
        try await client.publish(check)
        try await client.publish(
            CommitCheck(name: "shipshape/other", headSHA: sha, conclusion: .success, title: "none"))

        let runs = standIn.forge.state.checkRuns(repository: "acme/shop", sha: sha)
        #expect(runs.count == 2, "one run per name: \(runs.map { $0["name"] ?? "" })")
        let run = try #require(runs.first { $0["name"] as? String == "shipshape" })
        #expect(run["conclusion"] as? String == "neutral")
        #expect((run["annotations"] as? [Any])?.count == annotationCount, "no annotation twice")
        let paths = standIn.forge.state.exchanges.map { "\($0.request.method) \($0.request.path)" }
        #expect(paths.filter { $0 == "POST /repos/acme/shop/check-runs" }.count == 2)
        #expect(standIn.forge.violations.isEmpty, "\(standIn.forge.violations)")
    }

    /// A run left in progress (the job died after creating it) is completed by the next publication.
    @Test func aRunLeftInProgressIsCompleted() async throws {
        let standIn = try StandInRepository(.github, bot: "shipshape")
        defer { standIn.forge.shutdown() }
        let client = try Self.client(standIn)
        let sha = String(repeating: "e", count: 40)
        try await client.publish(CommitCheck(name: "shipshape", headSHA: sha, conclusion: nil, title: "Reviewing…"))
        try await client.publish(
            CommitCheck(
                name: "shipshape", headSHA: sha, conclusion: .failure, title: "2 findings",
                annotations: Self.annotations(2)))

        let runs = standIn.forge.state.checkRuns(repository: "acme/shop", sha: sha)
        #expect(runs.count == 1)
        #expect(runs.first?["status"] as? String == "completed")
        #expect(runs.first?["conclusion"] as? String == "failure")
        #expect((runs.first?["output"] as? [String: Any])?["title"] as? String == "2 findings")
        #expect((runs.first?["annotations"] as? [Any])?.count == 2)
        #expect(standIn.forge.violations.isEmpty, "\(standIn.forge.violations)")
    }
}
