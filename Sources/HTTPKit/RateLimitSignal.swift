import Foundation

/// What a response says about the server's rate limits, as a `RateLimitDialect` reads it.
package enum RateLimitSignal: Equatable, Sendable {
    /// Not a rate-limit refusal.
    case none
    /// Refused; the server says when to come back.
    case waitFor(Duration)
    /// Refused without saying for how long: back off as after a server error.
    case backOff
    /// Refused without saying for how long, by a server that asks for long waits when it does
    /// (GitHub's secondary limits): at least a minute, then exponentially longer.
    case secondaryLimit
}

/// How a server says it is rate limiting. HTTP's own signs are `StandardRateLimits`; a forge
/// with signs of its own brings its own reading (Forge's `ForgeRateLimits`).
package protocol RateLimitDialect: Sendable {
    func signal(_ response: HTTPResponse, now: Date) -> RateLimitSignal
}

/// HTTP's signs: `Retry-After` on a 429 or 503, and on a 429 the reset time of the
/// `RateLimit-*` (IETF draft) or `X-RateLimit-*` headers; a bare 429 backs off.
package struct StandardRateLimits: RateLimitDialect {
    package init() {}

    package func signal(_ response: HTTPResponse, now: Date) -> RateLimitSignal {
        guard [429, 503].contains(response.status) else { return .none }
        if let wait = RateLimitHeaders.retryAfter(in: response.headers, now: now) { return .waitFor(.seconds(wait)) }
        guard response.status == 429 else { return .none }
        return RateLimitHeaders.reset(in: response.headers, now: now).map { .waitFor(.seconds($0)) } ?? .backOff
    }
}

/// Reading the rate-limit headers servers send.
package enum RateLimitHeaders {
    /// Requests left in the current window, when the response says (`X-RateLimit-Remaining` or
    /// `RateLimit-Remaining`).
    package static func remaining(in headers: HTTPHeaders) -> Int? {
        (headers["x-ratelimit-remaining"] ?? headers["ratelimit-remaining"]).flatMap {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Seconds until `Retry-After`, delta seconds or an HTTP date.
    package static func retryAfter(in headers: HTTPHeaders, now: Date) -> Double? {
        headers["retry-after"].flatMap { secondsUntil(retryAfter: $0, now: now) }
    }

    /// Seconds until the window resets (`X-RateLimit-Reset` or `RateLimit-Reset`).
    package static func reset(in headers: HTTPHeaders, now: Date) -> Double? {
        (headers["x-ratelimit-reset"] ?? headers["ratelimit-reset"]).flatMap { secondsUntil(reset: $0, now: now) }
    }

    static func secondsUntil(retryAfter value: String, now: Date) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) { return max(0, seconds) }
        return HTTPDate.parse(trimmed).map { max(0, $0.timeIntervalSince(now)) }
    }

    /// Reset headers are epoch seconds (GitHub, GitLab) or, in the IETF draft, delta seconds;
    /// anything past 2001 is taken as a point in time.
    static func secondsUntil(reset value: String, now: Date) -> Double? {
        guard let number = Double(value.trimmingCharacters(in: .whitespaces)) else { return nil }
        return number > 1_000_000_000 ? max(0, number - now.timeIntervalSince1970) : max(0, number)
    }
}

/// The IMF-fixdate format of HTTP headers ("Sun, 06 Nov 1994 08:49:37 GMT").
enum HTTPDate {
    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
