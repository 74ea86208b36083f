import Foundation
import HTTPKit

/// How the forges say they are rate limiting: GitHub (`x-ratelimit-remaining`/`-reset`, and
/// `retry-after` or a message for secondary limits), GitLab (`ratelimit-remaining`/`-reset`,
/// `retry-after`) and Gitea (`retry-after`).
package struct ForgeRateLimits: RateLimitDialect {
    package init() {}

    package func signal(_ response: HTTPResponse, now: Date) -> RateLimitSignal {
        let headers = response.headers
        guard [403, 429, 503].contains(response.status) else { return .none }
        if let wait = RateLimitHeaders.retryAfter(in: headers, now: now) { return .waitFor(.seconds(wait)) }
        // A plain 403 is a permission answer and a plain 503 a server error the status rules
        // retry; 403 counts as a rate limit only when the window is used up or the message
        // names the secondary limit.
        let exhausted = RateLimitHeaders.remaining(in: headers) == 0
        let reset = RateLimitHeaders.reset(in: headers, now: now)
        if response.status == 429 || (response.status == 403 && exhausted), let reset {
            return .waitFor(.seconds(reset))
        } else if response.status == 429 || (response.status == 403 && Self.namesSecondaryLimit(response.body)) {
            // A bare 429, or GitHub's secondary limit without `retry-after`: GitHub's "Rate limits
            // for the REST API" asks for at least a minute, then exponentially longer, and warns
            // that carrying on can get the integration banned.
            return .secondaryLimit
        } else if response.status == 403 && exhausted {
            return .backOff
        }
        return .none
    }

    /// GitHub's secondary-limit message ("You have exceeded a secondary rate limit", older
    /// answers "abuse detection mechanism"), looked for in the start of the body.
    static func namesSecondaryLimit(_ body: Data) -> Bool {
        let text = String(decoding: body.prefix(4_096), as: UTF8.self).lowercased()
        return text.contains("secondary rate limit") || text.contains("abuse detection")
    }
}
