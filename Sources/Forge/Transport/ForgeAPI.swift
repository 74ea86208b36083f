import Foundation
import HTTPKit

/// JSON over HTTP to one forge's REST API: authentication headers, the forge's own headers,
/// errors that name the call, and pagination. Retries and rate limits are the client's business.
struct ForgeAPI: Sendable {
    /// The API root: https://api.github.com, https://gitea.example/api/v1, https://gitlab.example/api/v4.
    let root: URL
    let client: any HTTPClient
    let credentials: any ForgeCredentials
    let fixedHeaders: [(name: String, value: String)]

    func get(_ path: String, query: [(String, String)] = []) async throws -> JSON {
        try await send(.get, path, query: query)
    }

    /// Every page of a list endpoint, concatenated, following `Link: rel="next"`.
    func getAll(_ path: String, query: [(String, String)] = [], pageSize: (name: String, value: Int)) async throws
        -> [JSON]
    {
        let request = try await makeRequest(
            .get, path, query: query + [(pageSize.name, String(pageSize.value))], body: nil)
        let pages = try await client.sendAllPages(request)
        var items: [JSON] = []
        for page in pages {
            let value = try decode(page, request)
            guard let pageItems = value.array else {
                throw ForgeError.unreadableResponse(method: "GET", path: path, reason: "expected a list")
            }
            items += pageItems
        }
        return items
    }

    /// Every page of a list endpoint that pages without `Link` headers (Gitea's reviews): page
    /// 1, 2, … until a page is empty or shorter than the first (the server may cap the size
    /// asked for), or repeats the page before (a server that ignores `page`), at most `maximumPages`.
    func getAllByPageNumber(_ path: String, pageSize: (name: String, value: Int), maximumPages: Int = 1_000)
        async throws -> [JSON]
    {
        var items: [JSON] = []
        var previous: [JSON]?
        for page in 1...maximumPages {
            guard
                let pageItems = try await get(
                    path, query: [(pageSize.name, String(pageSize.value)), ("page", String(page))]
                ).array
            else {
                throw ForgeError.unreadableResponse(method: "GET", path: path, reason: "expected a list")
            }
            if pageItems == previous { return items }
            items += pageItems
            if pageItems.isEmpty || pageItems.count < (previous?.count ?? pageItems.count) { return items }
            previous = pageItems
        }
        throw ForgeError.unreadableResponse(method: "GET", path: path, reason: "more than \(maximumPages) pages")
    }

    @discardableResult
    func send(_ method: HTTPRequest.Method, _ path: String, query: [(String, String)] = [], body: JSON? = nil)
        async throws -> JSON
    {
        let request = try await makeRequest(method, path, query: query, body: body)
        return try decode(try await client.send(request), request)
    }

    /// The status alone, for endpoints whose answer is the status (permission probes, 404 = no).
    func status(_ method: HTTPRequest.Method, _ path: String, query: [(String, String)] = []) async throws -> (
        Int, JSON
    ) {
        let request = try await makeRequest(method, path, query: query, body: nil)
        let response = try await client.send(request)
        return (response.status, (try? JSON.parse(response.body)) ?? .null)
    }

    private func makeRequest(_ method: HTTPRequest.Method, _ path: String, query: [(String, String)], body: JSON?)
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
            data = body.serialized()
            headers["Content-Type"] = "application/json"
        }
        return HTTPRequest(method: method, url: url, headers: headers, body: data)
    }

    private func decode(_ response: HTTPResponse, _ request: HTTPRequest) throws -> JSON {
        let path = request.url.path
        guard response.isSuccess else {
            throw ForgeError.status(
                code: response.status, method: request.method.rawValue, path: path,
                message: Self.message(in: response.body))
        }
        do {
            return try JSON.parse(response.body)
        } catch {
            throw ForgeError.unreadableResponse(
                method: request.method.rawValue, path: path, reason: "not JSON (\(response.body.count) bytes)")
        }
    }

    /// The forges put their reason in `message` (GitLab sometimes as an object or a list), GitHub
    /// adds `errors`.
    static func message(in body: Data) -> String {
        guard let json = try? JSON.parse(body) else { return String(decoding: body.prefix(200), as: UTF8.self) }
        var parts: [String] = []
        if let message = json["message"] {
            parts.append(message.string ?? String(decoding: message.serialized(), as: UTF8.self))
        } else if let error = json["error"]?.string {
            parts.append(error)
        }
        if let errors = json["errors"], !errors.isNull {
            parts.append(String(decoding: errors.serialized(), as: UTF8.self))
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

extension ForgeAPI {
    /// A text field of a GET's answer, which must be there (`login` of /user...).
    func field(_ name: String, of path: String) async throws -> String {
        guard let value = try await get(path)[name]?.string else {
            throw ForgeError.unreadableResponse(method: "GET", path: path, reason: "no \(name)")
        }
        return value
    }

    /// The clone URL (under `cloneURLField`) and the default branch of the repository at `path`.
    func repositoryDetails(at path: String, cloneURLField: String) async throws -> RepositoryDetails {
        let answer = try await get(path)
        guard let url = answer[cloneURLField]?.string else {
            throw ForgeError.unreadableResponse(method: "GET", path: path, reason: "no \(cloneURLField)")
        }
        return RepositoryDetails(cloneURL: url, defaultBranch: answer["default_branch"]?.string ?? "main")
    }
}
