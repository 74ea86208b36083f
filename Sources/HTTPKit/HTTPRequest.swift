import Foundation

/// One HTTP request, as the forge clients and datasources describe it.
package struct HTTPRequest: Sendable {
    package enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case patch = "PATCH"
        case delete = "DELETE"
        case head = "HEAD"
    }

    package var method: Method
    package var url: URL
    package var headers: HTTPHeaders
    package var body: Data?
    /// The whole exchange's limit; nil takes the client's default (meant for API calls: set a
    /// generous one for a large download, with `idleTimeout`).
    package var timeout: Duration?
    /// When set, the transfer also fails once no byte came or went for this long: how a large
    /// download (an image layer) is timed, by whether it keeps moving rather than by its length.
    package var idleTimeout: Duration?

    package init(
        method: Method = .get, url: URL, headers: HTTPHeaders = HTTPHeaders(), body: Data? = nil,
        timeout: Duration? = nil, idleTimeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.idleTimeout = idleTimeout
    }
}

/// What came back: the final response after redirects.
package struct HTTPResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: Data
    /// The URL that answered (after redirects).
    package var url: URL
    /// True when a `ConditionalRequestCache` answered with its stored copy after the server said
    /// 304 Not Modified; `status` is then the stored one.
    package var servedFromCache: Bool = false

    package init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(), url: URL) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
    }

    package var isSuccess: Bool { (200..<300).contains(status) }
}

/// Header fields in order, looked up case-insensitively.
package struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    package private(set) var fields: [(name: String, value: String)] = []

    package init() {}

    package init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(name, value) }
    }

    package subscript(name: String) -> String? {
        get { fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value }
        set {
            fields.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            if let newValue { fields.append((name, newValue)) }
        }
    }

    package mutating func add(_ name: String, _ value: String) { fields.append((name, value)) }

    package func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    package func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }
}

/// The one HTTP client protocol: send a request, get the final response. Implementations decide
/// how (libcurl, retries on top); callers never see a transport type.
package protocol HTTPClient: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
    /// As `send`, but a successful answer's body goes to `receiver` as it arrives, never collected
    /// first (the response's `body` is then empty). A transfer that breaks after some of it went
    /// there is not retried.
    func send(_ request: HTTPRequest, bodyTo receiver: any HTTPBodyReceiver) async throws -> HTTPResponse
}
