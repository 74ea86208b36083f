import Forge
import HTTPKit

/// The HTTP client the bot talks to forges (and registries) with: libcurl underneath,
/// conditional GETs (a 304 costs GitHub no rate limit), and retries with backoff and
/// rate-limit waits on top, read in the forges' dialect unless `rateLimits` says otherwise.
package enum HTTPClientFactory {
    /// `plainHTTPHosts`: hosts that may receive credentials over plain http (loopback always may).
    package static func make(
        caBundle: String? = nil, plainHTTPHosts: Set<String> = [], policy: RetryPolicy = RetryPolicy(),
        clock: any RetryClock = SystemRetryClock(), rateLimits: any RateLimitDialect = ForgeRateLimits()
    ) -> RetryingHTTPClient {
        var configuration = CurlHTTPClient.Configuration()
        configuration.caBundlePath = caBundle
        configuration.plainHTTPCredentialHosts = plainHTTPHosts
        let cached = ConditionalRequestCache(wrapping: CurlHTTPClient(configuration: configuration))
        return RetryingHTTPClient(wrapping: cached, policy: policy, clock: clock, rateLimits: rateLimits)
    }
}
