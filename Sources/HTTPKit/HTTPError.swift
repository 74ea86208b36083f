import Foundation

/// Why a request failed. Every case carries the method and URL; `description` names them with
/// credentials redacted, so the error can go straight into a log line or a user-facing message.
package enum HTTPError: Error, CustomStringConvertible {
    /// The connection could not be made, or broke before a whole response came back.
    /// `requestSent` says whether any byte of the request went out, i.e. whether the server may
    /// have acted on it.
    case connectionFailed(method: HTTPRequest.Method, url: URL, reason: String, requestSent: Bool)
    /// No complete response within the limit.
    case timedOut(method: HTTPRequest.Method, url: URL, limit: Duration, requestSent: Bool)
    /// Nothing came or went for the request's `idleTimeout`.
    case stalled(method: HTTPRequest.Method, url: URL, idle: Duration, requestSent: Bool)
    /// The TLS handshake or certificate verification failed.
    case tlsFailed(method: HTTPRequest.Method, url: URL, reason: String)
    /// More redirects than the client follows.
    case tooManyRedirects(method: HTTPRequest.Method, url: URL, limit: Int)
    /// The request could not be made at all (malformed URL, header with a line break, ...).
    case invalidRequest(method: HTTPRequest.Method, url: URL, reason: String)
    /// The transfer failed for another reason libcurl reported.
    case transferFailed(method: HTTPRequest.Method, url: URL, reason: String)
    /// The server answered with a status the caller does not accept.
    case unexpectedStatus(method: HTTPRequest.Method, url: URL, status: Int, bodyExcerpt: String)
    /// Every attempt the retry policy allows failed; the last status or error is kept.
    indirect case retriesExhausted(
        method: HTTPRequest.Method, url: URL, attempts: Int, lastStatus: Int?, lastError: HTTPError?)
    /// The forge asked us to wait longer than the configured maximum.
    case rateLimited(method: HTTPRequest.Method, url: URL, requiredWait: Duration, maximumWait: Duration)
    /// Following `rel="next"` links went wrong (too many pages, a link back to an earlier page).
    case paginationFailed(method: HTTPRequest.Method, url: URL, reason: String)

    package var description: String {
        switch self {
        case .connectionFailed(let method, let url, let reason, let requestSent):
            let when = requestSent ? "after the request was sent" : "before the request was sent"
            return "\(Self.name(method, url)): connection failed \(when): \(reason)"
        case .timedOut(let method, let url, let limit, _):
            return "\(Self.name(method, url)) timed out after \(Self.seconds(limit))"
        case .stalled(let method, let url, let idle, _):
            return "\(Self.name(method, url)) stalled: nothing came for \(Self.seconds(idle))"
        case .tlsFailed(let method, let url, let reason):
            return
                "\(Self.name(method, url)): TLS failed: \(reason) (check the server certificate or the CA bundle setting)"
        case .tooManyRedirects(let method, let url, let limit):
            return "\(Self.name(method, url)): more than \(limit) redirects"
        case .invalidRequest(let method, let url, let reason):
            return "\(Self.name(method, url)): invalid request: \(reason)"
        case .transferFailed(let method, let url, let reason):
            return "\(Self.name(method, url)) failed: \(reason)"
        case .unexpectedStatus(let method, let url, let status, let bodyExcerpt):
            let excerpt = bodyExcerpt.isEmpty ? "" : ": \(bodyExcerpt)"
            return "\(Self.name(method, url)) answered \(status)\(excerpt)"
        case .retriesExhausted(let method, let url, let attempts, let lastStatus, let lastError):
            let last =
                lastStatus.map { "last status \($0)" } ?? lastError.map { "last error: \($0.reason)" } ?? "no answer"
            return "\(Self.name(method, url)) failed after \(attempts) attempts; \(last)"
        case .rateLimited(let method, let url, let requiredWait, let maximumWait):
            return "\(Self.name(method, url)): rate limited; the server asks to wait \(Self.seconds(requiredWait)), "
                + "more than the allowed \(Self.seconds(maximumWait)) (raise the maximum wait or try later)"
        case .paginationFailed(let method, let url, let reason):
            return "\(Self.name(method, url)): pagination failed: \(reason)"
        }
    }

    /// The request this error is about, redacted ("GET https://…").
    package var requestName: String {
        switch self {
        case .connectionFailed(let method, let url, _, _), .timedOut(let method, let url, _, _),
            .stalled(let method, let url, _, _), .tlsFailed(let method, let url, _),
            .tooManyRedirects(let method, let url, _),
            .invalidRequest(let method, let url, _), .transferFailed(let method, let url, _),
            .unexpectedStatus(let method, let url, _, _), .retriesExhausted(let method, let url, _, _, _),
            .rateLimited(let method, let url, _, _), .paginationFailed(let method, let url, _):
            return Self.name(method, url)
        }
    }

    /// The description without the request name, for nesting one error in another.
    var reason: String {
        let full = description
        let prefix = requestName
        guard full.hasPrefix(prefix) else { return full }
        return full.dropFirst(prefix.count).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
    }

    static func name(_ method: HTTPRequest.Method, _ url: URL) -> String {
        "\(method.rawValue) \(Redaction.url(url))"
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.3g s", value)
    }
}

extension HTTPResponse {
    /// The response itself when its status is 2xx; otherwise an `unexpectedStatus` error naming
    /// the request and the start of the body (forges explain refusals there).
    package func requireSuccess(for request: HTTPRequest) throws -> HTTPResponse {
        guard isSuccess else {
            let excerpt = String(decoding: body.prefix(200), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ")
            throw HTTPError.unexpectedStatus(
                method: request.method, url: request.url, status: status, bodyExcerpt: excerpt)
        }
        return self
    }
}
