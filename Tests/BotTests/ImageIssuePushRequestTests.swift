import Bot
import Forge
import Foundation
import ShipshapeTesting
import Testing

/// What a push costs the forge once `vulnerabilities:` is on: the branch scan, run by the job
/// handler as the service runs it, asks for the bot's open issues only (never every issue it
/// ever opened: a push may not open one), and asks the forge who the bot is once for the process
/// rather than on every push.
@Suite struct ImageIssuePushRequestTests {
    @Test(arguments: [TestForgeState.Flavor.github, .gitea, .gitlab])
    func aPushAsksForOpenIssuesOnlyAndForTheLoginOnce(flavor: TestForgeState.Flavor) async throws {
        let registry = try ImageVulnerabilityIssueTests.registry()
        defer { registry.shutdown() }
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        // The bot's issues of long ago, closed since: a push has no use for them.
        let seeding = try session.client()
        for round in 0..<3 {
            let old = try await seeding.createIssue(
                title: ImageVulnerabilityIssue.title, body: "\(ImageVulnerabilityIssue.marker)\nround \(round)")
            try await seeding.editIssue(old.number, IssueEdit(isOpen: false))
        }
        let endpoint = ForgeEndpoint(
            kind: flavor.kind, apiRoot: session.forge.apiRoot, authentication: .token(ForgeSession.botToken))
        let handler = try await ImageVulnerabilityIssueTests.handler(endpoint, session: session)
        /// The requests the forge received for one push of `image` to main.
        func push(_ image: String) async throws -> [String] {
            let commit = try ImageVulnerabilityIssueTests.pin("\(registry.host)/\(image)", on: session)
            let payload = JobPayload(
                forge: flavor.kind, repository: try #require(RepositoryID(ForgeSession.repository)),
                work: .scan(headSHA: commit, ref: "refs/heads/main"))
            let before = session.forge.requests.count
            try await handler.handle(
                JobRecord(
                    id: 1, kind: .scan, payload: payload.encoded(), pullRequestKey: nil, headSHA: commit,
                    deliveryID: nil, state: .running, attempts: 1, runAfter: Date(), leaseOwner: "worker",
                    leaseExpires: nil, lastError: nil, createdAt: Date()))
            return Array(session.forge.requests[before...])
        }
        let whoAmI = { (requests: [String]) in requests.filter { $0.hasPrefix("GET ") && $0.hasSuffix("/user") } }
        let issueLists = { (requests: [String]) in requests.filter { $0.hasPrefix("GET ") && $0.contains("/issues?") } }

        let first = try await push("team/web:1.1")
        let second = try await push("team/web:1.0")
        #expect(whoAmI(first).count == 1, "\(first)")
        #expect(whoAmI(second).isEmpty, "the login is remembered: \(second)")
        for requests in [first, second] {
            let lists = issueLists(requests)
            #expect(lists.count == 1, "\(requests)")
            // GitHub and Gitea say `state=open`, GitLab `state=opened`; never `all`, never every state.
            #expect(lists.allSatisfy { $0.contains("state=open") }, "\(lists)")
        }
        #expect(second.count == first.count - 1, "the same calls but for the login: \(first) then \(second)")
        let issues = session.forge.state.issues(repository: ForgeSession.repository)
        #expect(issues.count == 3 && issues.allSatisfy { !$0.isOpen && $0.edits == 1 }, "a push opens none")
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }
}
