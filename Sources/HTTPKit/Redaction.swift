import Foundation

/// The one place that hides secrets before a request, a URL or a header reaches a log line or an
/// error message. Anything that prints a request goes through here.
package enum Redaction {
    /// What a hidden value is replaced with.
    package static let placeholder = "REDACTED"

    /// Header names whose values are credentials (compared case-insensitively).
    package static let sensitiveHeaderNames: Set<String> = [
        "authorization", "proxy-authorization", "private-token", "job-token",
        "cookie", "set-cookie", "x-gitea-otp", "x-hub-signature", "x-hub-signature-256",
    ]

    /// Query parameter names whose values are credentials (compared case-insensitively); any name
    /// containing "token", "secret" or "password" is hidden as well.
    package static let sensitiveQueryNames: Set<String> = [
        "access_token", "private_token", "token", "client_secret", "password", "sig", "signature", "api_key", "key",
    ]

    /// The URL as text with userinfo and credential query values replaced.
    package static func url(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return "(a URL that could not be parsed, not shown)"
        }
        if components.percentEncodedUser != nil || components.percentEncodedPassword != nil {
            components.percentEncodedPassword = nil
            components.percentEncodedUser = placeholder
        }
        if let items = components.percentEncodedQueryItems {
            components.percentEncodedQueryItems = items.map { item in
                isSensitiveQueryName(item.name) && item.value != nil
                    ? URLQueryItem(name: item.name, value: placeholder)
                    : item
            }
        }
        return components.string ?? "(a URL that could not be rebuilt, not shown)"
    }

    /// The value to show for one header field.
    package static func headerValue(name: String, value: String) -> String {
        isSensitiveHeaderName(name) ? placeholder : value
    }

    /// A copy of the headers with credential values replaced.
    package static func headers(_ headers: HTTPHeaders) -> HTTPHeaders {
        var redacted = HTTPHeaders()
        for field in headers { redacted.add(field.name, headerValue(name: field.name, value: field.value)) }
        return redacted
    }

    package static func isSensitiveHeaderName(_ name: String) -> Bool {
        sensitiveHeaderNames.contains(name.lowercased())
    }

    package static func isSensitiveQueryName(_ name: String) -> Bool {
        let lowered = (name.removingPercentEncoding ?? name).lowercased()
        return sensitiveQueryNames.contains(lowered)
            || ["token", "secret", "password"].contains { lowered.contains($0) }
    }
}
