internal import CCurl
import Foundation
import Synchronization

extension CurlTransfer {
    /// The Swift error for a failed `curl_easy_perform`, keeping libcurl's message.
    func error(for code: CURLcode, detail: String, requestSent: Bool) -> any Error {
        let method = request.method
        let url = request.url
        switch code {
        case CURLE_ABORTED_BY_CALLBACK where state.cancelled.load(ordering: .relaxed):
            return CancellationError()
        case CURLE_ABORTED_BY_CALLBACK where state.stalled:
            return HTTPError.stalled(
                method: method, url: url, idle: request.idleTimeout ?? .zero, requestSent: requestSent)
        case CURLE_OPERATION_TIMEDOUT:
            return HTTPError.timedOut(method: method, url: url, limit: timeout, requestSent: requestSent)
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            return HTTPError.connectionFailed(method: method, url: url, reason: detail, requestSent: false)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
            CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_WEIRD_SERVER_REPLY:
            return HTTPError.connectionFailed(method: method, url: url, reason: detail, requestSent: requestSent)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE,
            CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
            CURLE_USE_SSL_FAILED:
            return HTTPError.tlsFailed(method: method, url: url, reason: detail)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return HTTPError.invalidRequest(method: method, url: url, reason: detail)
        default:
            return HTTPError.transferFailed(method: method, url: url, reason: detail)
        }
    }
}
