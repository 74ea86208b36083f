import Foundation

/// What differs between GitHub, Gitea and GitLab: the routes, how callers authenticate, how
/// errors and faults look, and what every response carries.
protocol ForgeDialect {
    /// Where the REST API lives under the server's base URL: "" (GitHub), "/api/v1", "/api/v4".
    var apiPrefix: String { get }
    var routes: [ForgeRoute] { get }

    /// The token the request presents, if any (a GitHub App JWT is not a token here).
    func token(in request: ReceivedRequest) -> String?
    func errorResponse(_ failure: APIFailure, store: ForgeStore) -> ServedResponse
    func unauthorized(store: ForgeStore) -> ServedResponse
    func faultResponse(_ fault: TestForgeState.Fault, store: ForgeStore) -> ServedResponse
    /// Adds what every response carries (rate-limit headers, ETags) and answers conditional requests.
    func finish(_ response: ServedResponse, request: ReceivedRequest, token: String?, store: ForgeStore)
        -> ServedResponse

    // Renderings for the test's assertions, in the shape the forge lists them.
    func reviews(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]]
    func inlineComments(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]]
    func conversationComments(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]]
    func statuses(_ store: ForgeStore, repository: String, sha: String) -> [[String: Any]]
    func checkRuns(_ store: ForgeStore, repository: String, sha: String) -> [[String: Any]]
    func pullRequests(_ store: ForgeStore, repository: String) -> [[String: Any]]
}

extension ForgeDialect {
    func checkRuns(_ store: ForgeStore, repository: String, sha: String) -> [[String: Any]] { [] }

    /// The standard reason phrase, for error bodies that repeat it.
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Error"
        }
    }
}

/// A bearer or `token` credential from the `Authorization` header.
func authorizationCredential(_ request: ReceivedRequest, schemes: [String]) -> String? {
    guard let value = request.header("Authorization") else { return nil }
    let parts = value.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, schemes.contains(where: { $0.caseInsensitiveCompare(parts[0]) == .orderedSame }) else {
        return nil
    }
    return parts[1].trimmingCharacters(in: .whitespaces)
}
