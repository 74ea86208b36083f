import Foundation

/// What a response says about the forge's rate limits, in the dialects of GitHub
/// (`x-ratelimit-remaining`/`x-ratelimit-reset`, `retry-after` for secondary limits),
/// GitLab (`ratelimit-remaining`/`ratelimit-reset`, `retry-after`) and Gitea (`retry-after`).
enum RateLimitSignal: Equatable {
    /// Not a rate-limit refusal.
    case none
    /// Refused; the server says when to come back.
    case waitFor(Duration)
    /// Refused without saying for how long: back off as after a server error.
    case backOff
    /// A bare 429, or GitHub's secondary limit (a 403 whose message says "secondary rate limit")
    /// without `retry-after`: GitHub's "Rate limits for the REST API" asks for at least a minute,
    /// then exponentially longer, and warns that carrying on can get the integration banned.
    case secondaryLimit

    init(_ response: HTTPResponse, now: Date) {
        let headers = response.headers
        guard [403, 429, 503].contains(response.status) else {
            self = .none
            return
        }
        if let retryAfter = headers["retry-after"].flatMap({ Self.secondsUntil(retryAfter: $0, now: now) }) {
            self = .waitFor(.seconds(retryAfter))
            return
        }
        // A plain 403 is a permission answer and a plain 503 a server error the status rules
        // retry; 403 counts as a rate limit only when the window is used up or the message
        // names the secondary limit.
        let exhausted = Self.remaining(in: headers) == 0
        let reset = (headers["x-ratelimit-reset"] ?? headers["ratelimit-reset"]).flatMap { Self.secondsUntil(reset: $0, now: now) }
        if response.status == 429 || (response.status == 403 && exhausted), let reset {
            self = .waitFor(.seconds(reset))
        } else if response.status == 429 || (response.status == 403 && Self.namesSecondaryLimit(response.body)) {
            self = .secondaryLimit
        } else if response.status == 403 && exhausted {
            self = .backOff
        } else {
            self = .none
        }
    }

    /// GitHub's secondary-limit message ("You have exceeded a secondary rate limit", older
    /// answers "abuse detection mechanism"), looked for in the start of the body.
    static func namesSecondaryLimit(_ body: Data) -> Bool {
        let text = String(decoding: body.prefix(4_096), as: UTF8.self).lowercased()
        return text.contains("secondary rate limit") || text.contains("abuse detection")
    }

    /// Requests left in the current window, when the response says.
    static func remaining(in headers: HTTPHeaders) -> Int? {
        (headers["x-ratelimit-remaining"] ?? headers["ratelimit-remaining"]).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// `Retry-After` is delta seconds or an HTTP date.
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
