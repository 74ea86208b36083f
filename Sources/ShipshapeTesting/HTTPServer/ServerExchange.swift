import Foundation

/// A request as the loopback server received it.
package struct ReceivedRequest: Sendable {
    package var method: String
    /// The path without the query string, percent-decoding left to the handler.
    package var path: String
    /// The raw query string without the `?` (empty when there is none).
    package var query: String
    /// Header names as sent; look up with `header(_:)`.
    package var headers: [(name: String, value: String)]
    package var body: Data
    /// The client sent the whole URL as the target, as clients do to a proxy.
    package var cameThroughProxy = false

    package init(
        method: String, path: String, query: String = "", headers: [(name: String, value: String)] = [],
        body: Data = Data()
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    package func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Query parameters, percent-decoded; the last value wins for repeated names.
    package var queryItems: [String: String] {
        var items: [String: String] = [:]
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ")
            }
            let name = parts[0].removingPercentEncoding ?? parts[0]
            items[name] = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
        }
        return items
    }
}

/// A response the loopback server sends.
package struct ServedResponse: Sendable {
    package var status: Int
    package var headers: [(name: String, value: String)]
    package var body: Data

    package init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body with its content type.
    package static func json(_ status: Int, _ object: Any, headers: [(name: String, value: String)] = [])
        -> ServedResponse
    {
        let body =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
        return ServedResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers, body: body)
    }
}

/// What the server does with one request: answer, answer late, or misbehave the way real
/// networks do, so clients' timeouts and retries meet the real thing.
package enum ServerReply: Sendable {
    case respond(ServedResponse)
    /// Waits this long before answering (a slow forge; a client with a shorter timeout gives up).
    case respondAfter(Duration, ServedResponse)
    /// Closes the connection without a byte of answer.
    case dropConnection
    /// Sends the head at once, then the body `piece` bytes at a time, `interval` apart, then
    /// closes: a large download over a slow but steady link.
    case trickle(ServedResponse, piece: Int, interval: Duration)
    /// Sends the head and the body's first `after` bytes, then nothing until the server shuts
    /// down: a download that stalled.
    case stall(ServedResponse, after: Int)
}
