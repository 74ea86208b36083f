import Forge
import Foundation
import HTTPKit
import Testing

/// The forges' rate-limit answers as `ForgeRateLimits` reads them (GitHub's primary and
/// secondary limits, GitLab's reset, Gitea's Retry-After), and what HTTP's own reading makes of
/// the same answers.
@Suite struct ForgeRateLimitsTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func response(_ status: Int, _ headers: [(String, String)], body: String = "") -> HTTPResponse {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields[name] = value }
        return HTTPResponse(
            status: status, headers: fields, body: Data(body.utf8), url: URL(string: "https://api.github.com/user")!)
    }

    @Test func gitHubsPrimaryLimitIsA403WithNoRequestsLeftUntilItsReset() {
        let answer = Self.response(
            403, [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1700000042")],
            body: #"{"message":"API rate limit exceeded"}"#)
        #expect(ForgeRateLimits().signal(answer, now: Self.now) == .waitFor(.seconds(42)))
        #expect(StandardRateLimits().signal(answer, now: Self.now) == .none)
    }

    @Test func gitHubsSecondaryLimitIsA403ThatSaysSoWithOrWithoutRetryAfter() {
        let body = #"{"message":"You have exceeded a secondary rate limit"}"#
        #expect(
            ForgeRateLimits().signal(Self.response(403, [("retry-after", "60")], body: body), now: Self.now)
                == .waitFor(.seconds(60)))
        #expect(ForgeRateLimits().signal(Self.response(403, [], body: body), now: Self.now) == .secondaryLimit)
        #expect(ForgeRateLimits().signal(Self.response(429, []), now: Self.now) == .secondaryLimit)
        #expect(StandardRateLimits().signal(Self.response(429, []), now: Self.now) == .backOff)
    }

    @Test func aPermissionAnswerIsNoRateLimit() {
        let answer = Self.response(
            403, [("x-ratelimit-remaining", "4000"), ("x-ratelimit-reset", "1700003600")],
            body: #"{"message":"Resource not accessible by integration"}"#)
        #expect(ForgeRateLimits().signal(answer, now: Self.now) == .none)
    }

    @Test func gitLabsResetAndGiteasRetryAfter() {
        #expect(
            ForgeRateLimits().signal(
                Self.response(429, [("RateLimit-Remaining", "0"), ("RateLimit-Reset", "1700000015")]), now: Self.now)
                == .waitFor(.seconds(15)))
        #expect(
            ForgeRateLimits().signal(Self.response(429, [("Retry-After", "7")]), now: Self.now) == .waitFor(.seconds(7))
        )
    }
}
