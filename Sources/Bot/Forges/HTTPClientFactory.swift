import HTTPKit

/// The HTTP client the bot talks to forges with: libcurl underneath, conditional GETs (a 304
/// costs GitHub no rate limit), and retries with backoff and rate-limit waits on top.
public enum HTTPClientFactory {
    public static func make(caBundle: String? = nil, policy: RetryPolicy = RetryPolicy(), clock: any RetryClock = SystemRetryClock()) -> RetryingHTTPClient {
        var configuration = CurlHTTPClient.Configuration()
        configuration.caBundlePath = caBundle
        let cached = ConditionalRequestCache(wrapping: CurlHTTPClient(configuration: configuration))
        return RetryingHTTPClient(wrapping: cached, policy: policy, clock: clock)
    }
}
