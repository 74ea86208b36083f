import Foundation

/// What to do after one attempt: deliver what came back, wait and try again, or give up.
enum RetryDecision {
    case deliver
    case retry(after: Duration)
    case fail(HTTPError)

    // Idempotency: POST and PATCH create or change things (a comment, a pull request), so a
    // retry after the server may have acted could do it twice. They are retried only when the
    // request surely never reached the server (no connection, or a timeout before a byte was
    // sent) or the server refused it without acting (429, or 403/503 naming a wait). GET, HEAD,
    // PUT and DELETE are idempotent and retried after any server error, broken connection or
    // timeout.
    static func after(
        _ outcome: Result<HTTPResponse, HTTPError>,
        to request: HTTPRequest,
        attempt: Int,
        policy: RetryPolicy,
        rateLimits: any RateLimitDialect,
        now: Date,
        generator: inout some RandomNumberGenerator
    ) -> RetryDecision {
        let idempotent = ![.post, .patch].contains(request.method)
        let backoff = policy.backoff(afterAttempt: attempt, using: &generator)
        switch outcome {
        case .success(let response):
            switch rateLimits.signal(response, now: now) {
            case .waitFor(let wait) where wait > policy.maximumRateLimitWait:
                return .fail(
                    .rateLimited(
                        method: request.method, url: request.url, requiredWait: wait,
                        maximumWait: policy.maximumRateLimitWait))
            case .waitFor(let wait):
                return .retry(after: wait)
            case .backOff:
                return .retry(after: backoff)
            case .secondaryLimit:
                let wait = policy.secondaryLimitWait(afterAttempt: attempt)
                guard wait <= policy.maximumRateLimitWait else {
                    return .fail(
                        .rateLimited(
                            method: request.method, url: request.url, requiredWait: wait,
                            maximumWait: policy.maximumRateLimitWait))
                }
                return .retry(after: wait)
            case .none:
                return idempotent && policy.retriedStatuses.contains(response.status)
                    ? .retry(after: backoff) : .deliver
            }
        case .failure(let error):
            switch error {
            case .connectionFailed(_, _, _, let requestSent), .timedOut(_, _, _, let requestSent),
                .stalled(_, _, _, let requestSent):
                return idempotent || !requestSent ? .retry(after: backoff) : .fail(error)
            default:
                return .fail(error)
            }
        }
    }
}
