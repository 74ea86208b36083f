import Bot
import Foundation
import ShipshapeTesting
import Testing

/// An upgrade job run again after it pushed a branch but before it opened the pull request (its
/// worker died there, or the forge refused the pull request): the branch is not pushed again and
/// each add-on ends with one pull request.
@Suite struct UpgradeJobRetryTests {
    @Test func anUpgradeRunAgainAfterItsPushOpensOnePullRequestAndPushesNothingMore() async throws {
        let session = try UpgradeSession()
        defer { session.shutdown() }
        session.forge.state.inject(.status(422), matching: "POST /repos/acme/platform/pulls")

        await #expect(throws: (any Error).self, "the first pull request is refused after its branch was pushed") {
            try await session.job().run()
        }
        let pushed = try session.served("refs/heads/\(UpgradeJobTests.apiBranch)")
        #expect(session.pullRequests.isEmpty)

        let again = try await session.job().run()

        #expect(again.opened == ["api", "cert-manager"])
        #expect(
            try session.served("refs/heads/\(UpgradeJobTests.apiBranch)") == pushed,
            "the pushed branch is not pushed again")
        #expect(session.pullRequests.count == 2, "one pull request per add-on")
        let last = try await session.job().run()
        #expect(
            last.current == ["api", "cert-manager"] && last.opened.isEmpty,
            "a third run (the job finished, not recorded) changes nothing")
        #expect(session.pullRequests.count == 2)
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }
}
