import Foundation
import HTTPKit

/// Counts the bot's calls to forges by host and outcome, and keeps the rate limit each forge
/// last reported (GitHub `x-ratelimit-remaining`, GitLab and Gitea `ratelimit-remaining`).
struct MeteredHTTPClient: HTTPClient {
    let wrapped: any HTTPClient
    let metrics: ServerMetrics

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await metered(request) { try await wrapped.send(request) }
    }

    func send(_ request: HTTPRequest, bodyTo receiver: any HTTPBodyReceiver) async throws -> HTTPResponse {
        try await metered(request) { try await wrapped.send(request, bodyTo: receiver) }
    }

    private func metered(_ request: HTTPRequest, _ send: () async throws -> HTTPResponse) async throws
        -> HTTPResponse
    {
        let host = request.url.host ?? "unknown"
        do {
            let response = try await send()
            metrics.forgeCall(forge: host, outcome: response.isSuccess ? "success" : "status_\(response.status)")
            if let remaining = RateLimitHeaders.remaining(in: response.headers) {
                metrics.rateLimitRemaining(host: host, remaining)
            }
            return response
        } catch {
            metrics.forgeCall(forge: host, outcome: "error")
            throw error
        }
    }
}
