import Forge
import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

/// GitHub's secondary rate limits ("Rate limits for the REST API", docs.github.com/en/rest): a
/// 403 or 429 that may carry no `retry-after`; the client waits at least a minute, then
/// exponentially longer, and must not read the 403 as a missing permission.
@Suite struct SecondaryRateLimitTests {
    static let pull = "GET /repos/acme/shop/pulls/1"

    /// The waits the client took to read the pull request while `fault` answered it `times` times.
    func waits(reading fault: TestForgeState.Fault, times: Int) async throws -> [Duration] {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let clock = InstantRetryClock()
        let client = try session.client(clock: clock)
        session.forge.state.inject(fault, times: times, matching: Self.pull)
        let pull = try await client.pullRequest(session.number)
        #expect(pull.number == session.number)
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
        return clock.sleeps
    }

    @Test func aSecondaryLimitWithoutRetryAfterWaitsAMinuteThenLonger() async throws {
        #expect(
            try await waits(reading: .secondaryRateLimit(retryAfter: nil), times: 2) == [.seconds(60), .seconds(120)])
    }

    @Test func aBare429WaitsAMinute() async throws {
        #expect(try await waits(reading: .tooManyRequests(retryAfter: nil), times: 1) == [.seconds(60)])
    }
}
