import Foundation
import HTTPKit
import JSONKit

/// JSON over HTTP to one forge's REST API: authentication headers, the forge's own headers,
/// answers read into typed models (a field a model needs that is missing is an error naming the
/// forge, the call and the field), and pagination. Retries and rate limits are the client's business.
struct ForgeAPI: Sendable {
    /// The API root: https://api.github.com, https://gitea.example/api/v1, https://gitlab.example/api/v4.
    let root: URL
    let client: any HTTPClient
    let credentials: any ForgeCredentials
    let fixedHeaders: [(name: String, value: String)]
    /// Which forge answers, for error messages; nil where the caller does not know (a credential check).
    var forge: ForgeKind?

    func get<Model: Decodable>(_ path: String, query: [(String, String)] = [], as model: Model.Type) async throws
        -> Model
    {
        try await send(.get, path, query: query, as: model)
    }

    /// Every page of a list endpoint, concatenated, following `Link: rel="next"`.
    func getAll<Item: Decodable>(
        _ path: String, query: [(String, String)] = [], pageSize: (name: String, value: Int), of item: Item.Type
    ) async throws -> [Item] {
        let request = try await makeRequest(
            .get, path, query: query + [(pageSize.name, String(pageSize.value))], body: nil)
        var items: [Item] = []
        for page in try await client.sendAllPages(request) {
            items += try decode([Item].self, from: try body(of: page, request), request)
        }
        return items
    }

    /// Every page of a list endpoint that pages without `Link` headers (Gitea's reviews): page
    /// 1, 2, … until a page is empty or shorter than the first (the server may cap the size
    /// asked for), or repeats the page before (a server that ignores `page`), at most `maximumPages`.
    func getAllByPageNumber<Item: Decodable>(
        _ path: String, pageSize: (name: String, value: Int), of item: Item.Type, maximumPages: Int = 1_000
    ) async throws -> [Item] {
        var items: [Item] = []
        var previous: (bytes: Data, count: Int)?
        for page in 1...maximumPages {
            let request = try await makeRequest(
                .get, path, query: [(pageSize.name, String(pageSize.value)), ("page", String(page))], body: nil)
            let bytes = try body(of: try await client.send(request), request)
            if bytes == previous?.bytes { return items }
            let pageItems = try decode([Item].self, from: bytes, request)
            items += pageItems
            if pageItems.isEmpty || pageItems.count < (previous?.count ?? pageItems.count) { return items }
            previous = (bytes, pageItems.count)
        }
        throw ForgeError.unreadableResponse(method: "GET", path: path, reason: "more than \(maximumPages) pages")
    }

    /// A call whose answer is read into `model`.
    func send<Model: Decodable>(
        _ method: HTTPRequest.Method, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil,
        as model: Model.Type
    ) async throws -> Model {
        let request = try await makeRequest(method, path, query: query, body: body)
        return try decode(model, from: try self.body(of: try await client.send(request), request), request)
    }

    /// A call whose answer is not read; its bytes are returned (empty when the forge sent none).
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil)
        async throws -> Data
    {
        let request = try await makeRequest(method, path, query: query, body: body)
        return try self.body(of: try await client.send(request), request)
    }

    /// The status and the answer's bytes, for endpoints whose answer is the status (permission probes, 404 = no).
    func status(_ method: HTTPRequest.Method, _ path: String, query: [(String, String)] = []) async throws -> (
        Int, Data
    ) {
        let request = try await makeRequest(method, path, query: query, body: nil)
        let response = try await client.send(request)
        return (response.status, response.body)
    }

    /// `data` read into `model`, with the error naming the forge, the call and the field.
    func decode<Model: Decodable>(_ model: Model.Type, from data: Data, method: String, path: String) throws
        -> Model
    {
        do {
            return try ForgeJSONDecoder.decode(model, from: data)
        } catch let error as MissingField {
            throw ForgeError.unreadableResponse(
                method: method, path: path, reason: "\(answerer) answer has no \(error.expected) at '\(error.path)'")
        } catch let error as NotJSON {
            throw ForgeError.unreadableResponse(
                method: method, path: path, reason: "\(answerer) answer: \(error.reason)")
        }
    }

    private func decode<Model: Decodable>(_ model: Model.Type, from data: Data, _ request: HTTPRequest) throws
        -> Model
    {
        try decode(model, from: data, method: request.method.rawValue, path: request.url.path)
    }

    private var answerer: String { forge.map { "\($0.rawValue)'s" } ?? "the forge's" }

    private func makeRequest(_ method: HTTPRequest.Method, _ path: String, query: [(String, String)], body: JSONValue?)
        async throws -> HTTPRequest
    {
        guard var components = URLComponents(url: root, resolvingAgainstBaseURL: false) else {
            throw ForgeError.configuration("the API address \(root) is not a URL")
        }
        components.percentEncodedPath = components.percentEncodedPath.trimmingSuffix("/") + path
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        guard let url = components.url else { throw ForgeError.configuration("cannot form a URL for \(path)") }
        var headers = HTTPHeaders()
        for (name, value) in fixedHeaders { headers[name] = value }
        for (name, value) in try await credentials.headers() { headers[name] = value }
        var data: Data?
        if let body {
            data = body.jsonData
            headers["Content-Type"] = "application/json"
        }
        return HTTPRequest(method: method, url: url, headers: headers, body: data)
    }

    /// The answer's bytes when the status is a success, else the forge's refusal with its reason.
    private func body(of response: HTTPResponse, _ request: HTTPRequest) throws -> Data {
        guard response.isSuccess else {
            throw ForgeError.status(
                code: response.status, method: request.method.rawValue, path: request.url.path,
                message: Self.message(in: response.body))
        }
        return response.body
    }

    /// The forges put their reason in `message` (GitLab sometimes as an object or a list) or
    /// `error`, GitHub adds `errors`; a null part counts as absent.
    static func message(in body: Data) -> String {
        guard let answer = (try? JSONValue(jsonData: body))?.objectValue else {
            return String(decoding: body.prefix(200), as: UTF8.self)
        }
        var parts: [String] = []
        if let message = answer["message"], message != .null {
            parts.append(message.stringValue ?? message.jsonText)
        } else if let error = answer["error"]?.scalarText {
            parts.append(error)
        }
        if let errors = answer["errors"], errors != .null {
            parts.append(errors.jsonText)
        }
        return parts.joined(separator: " ")
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

extension ForgeAPI {
    /// One path segment, percent-encoded (owner and repository names, branch names, GitLab's
    /// `group/project` ids, which must arrive as `group%2Fproject`).
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
