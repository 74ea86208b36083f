import Blocking
import Foundation

/// The HTTP client that talks to the network, through libcurl's easy interface. One `send` is
/// one attempt (wrap it in `RetryingHTTPClient` for retries); redirects are followed (credentials
/// only within one origin, see `Redirect`; never over plain http unless allowed), gzip and
/// deflate bodies decoded, proxies taken from `http_proxy`/`https_proxy`/`no_proxy`, TLS
/// certificates always verified.
///
/// Transfers run on threads of the client's own, never on the Swift cooperative pool, and reuse
/// kept-alive connections: keep one client per process (or per forge) rather than one per request.
package final class CurlHTTPClient: HTTPClient {
    package let configuration: Configuration
    private let handles: EasyHandlePool
    private let threads: BlockingThreadPool

    package init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        handles = EasyHandlePool(maximumIdle: configuration.maximumConcurrentTransfers)
        threads = BlockingThreadPool(maximumThreads: configuration.maximumConcurrentTransfers, name: "shipshape-curl")
    }

    deinit { threads.stop() }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await send(request, receiver: nil)
    }

    package func send(_ request: HTTPRequest, bodyTo receiver: any HTTPBodyReceiver) async throws -> HTTPResponse {
        try await send(request, receiver: receiver)
    }

    private func send(_ request: HTTPRequest, receiver: (any HTTPBodyReceiver)?) async throws -> HTTPResponse {
        var current = request
        var hops = 0
        while true {
            guard !current.carriesCredentials || configuration.mayCarryCredentials(to: current.url) else {
                throw HTTPError.invalidRequest(
                    method: current.method, url: current.url,
                    reason: "credentials are not sent over plain http to \(current.url.host ?? "")"
                        + " (use https, or allow plain http for this host in the configuration)")
            }
            let response = try await sendOnce(current, receiver: receiver)
            guard configuration.maximumRedirects > 0, let next = Redirect.request(following: response, of: current)
            else { return response }
            guard hops < configuration.maximumRedirects else {
                throw HTTPError.tooManyRedirects(
                    method: request.method, url: request.url, limit: configuration.maximumRedirects)
            }
            current = next
            hops += 1
        }
    }

    private func sendOnce(_ request: HTTPRequest, receiver: (any HTTPBodyReceiver)?) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let transfer = CurlTransfer(request: request, settings: configuration, receiver: receiver)
        let handles = self.handles
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                threads.run {
                    continuation.resume(with: Result { try transfer.perform(using: handles) })
                }
            }
        } onCancel: {
            transfer.cancel()
        }
    }
}
