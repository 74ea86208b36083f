import Forge
import Foundation
import HTTPKit
import JSONKit
import Synchronization

/// An HTTP client for request-shape tests: records every request and answers from a table keyed
/// by "METHOD /percent-encoded/path" (query left out). A request without an entry gets a 404 that
/// names it, so a test fails on the call it did not expect.
struct RecordingHTTPClient: HTTPClient {
    struct Canned: Sendable {
        var status: Int
        var body: JSONValue

        static func ok(_ body: JSONValue) -> Canned { Canned(status: 200, body: body) }
    }

    private final class Log: Sendable {
        let requests = Mutex<[HTTPRequest]>([])
    }

    private let log = Log()
    let responses: [String: Canned]

    init(_ responses: [String: Canned] = [:]) {
        self.responses = responses
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        log.requests.withLock { $0.append(request) }
        let key = request.method.rawValue + " " + request.encodedPath
        let canned = responses[key] ?? Canned(status: 404, body: ["message": .string("no canned response for \(key)")])
        let body = canned.body == .null ? Data() : canned.body.jsonData
        return HTTPResponse(status: canned.status, body: body, url: request.url)
    }

    /// A canned body is small: handed over in one piece.
    func send(_ request: HTTPRequest, bodyTo receiver: any HTTPBodyReceiver) async throws -> HTTPResponse {
        var response = try await send(request)
        guard response.isSuccess else { return response }
        try response.body.withUnsafeBytes { try receiver.receive($0) }
        response.body = Data()
        return response
    }

    var requests: [HTTPRequest] { log.requests.withLock { $0 } }

    /// "METHOD /path" of every request, in order.
    var calls: [String] { requests.map { $0.method.rawValue + " " + $0.encodedPath } }

    func request(_ method: HTTPRequest.Method, _ path: String) -> HTTPRequest? {
        requests.first { $0.method == method && $0.encodedPath == path }
    }
}

extension HTTPRequest {
    /// The path as sent, percent-encoding kept (`group%2Fsub%2Fname` stays one segment).
    var encodedPath: String { URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? "" }

    var queryItems: [String: String] {
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }) { first, _ in first }
    }

    var json: JSONValue? { body.flatMap { try? JSONValue(jsonData: $0) } }
}
