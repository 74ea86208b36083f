internal import CCurl
import Foundation
import Synchronization

/// One attempt at one request on one easy handle: set the options, perform, read the result.
/// Runs on a `BlockingThreadPool` thread.
final class CurlTransfer: Sendable {
    let request: HTTPRequest
    let settings: CurlHTTPClient.Configuration
    let state = TransferState()

    init(request: HTTPRequest, settings: CurlHTTPClient.Configuration, receiver: (any HTTPBodyReceiver)? = nil) {
        self.request = request
        self.settings = settings
        state.receiver = receiver
        state.idleLimit = request.idleTimeout
    }

    var timeout: Duration { request.timeout ?? settings.timeout }

    func cancel() { state.cancelled.store(true, ordering: .relaxed) }

    func perform(using pool: EasyHandlePool) throws -> HTTPResponse {
        let curl: CurlFunctions
        switch CurlLibrary.loaded {
        case .success(let functions): curl = functions
        case .failure(let failure):
            throw HTTPError.transferFailed(
                method: request.method, url: request.url, reason: "libcurl could not start: \(failure.message)")
        }
        guard let handle = pool.take(curl: curl) else {
            throw HTTPError.transferFailed(
                method: request.method, url: request.url, reason: "libcurl could not create a handle")
        }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            pool.giveBack(handle)
            curl.slistFreeAll(headerList)
            errorBuffer.deallocate()
        }
        do {
            headerList = try headerFields(curl)
            try configure(handle, headerList: headerList, errorBuffer: errorBuffer)
        } catch {
            throw HTTPError.invalidRequest(method: request.method, url: request.url, reason: error.message)
        }
        let code = handle.perform()
        // The receiver refused what came (too large, not what it should be): its reason, not libcurl's.
        if let refusal = state.receiverError { throw refusal }
        if code != CURLE_OK {
            let detail = String(cString: errorBuffer)
            throw error(
                for: code, detail: detail.isEmpty ? curl.message(for: code) : detail,
                requestSent: handle.info(CURLINFO_REQUEST_SIZE) > 0)
        }
        let finalURL = handle.info(string: CURLINFO_EFFECTIVE_URL).flatMap(URL.init(string:)) ?? request.url
        return HTTPResponse(
            status: handle.info(CURLINFO_RESPONSE_CODE), headers: state.headers, body: state.body, url: finalURL)
    }

    private func configure(
        _ handle: EasyHandle, headerList: UnsafeMutablePointer<curl_slist>?, errorBuffer: UnsafeMutablePointer<CChar>
    ) throws(EasyHandleError) {
        try handle.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_URL, request.url.absoluteString)
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https")
        // Loopback never goes through a proxy from the environment: the proxy's loopback is not this
        // machine's, and plain http allowed for loopback must not carry credentials across the network.
        if request.url.isLoopback { try handle.set(CURLOPT_PROXY, "") }
        // Redirects are followed by CurlHTTPClient, one transfer per hop.
        try handle.set(CURLOPT_FOLLOWLOCATION, 0)
        try handle.set(CURLOPT_ACCEPT_ENCODING, "")
        try handle.set(CURLOPT_TIMEOUT_MS, timeout.curlMilliseconds)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeout.curlMilliseconds)
        try handle.set(CURLOPT_USERAGENT, settings.userAgent)
        try handle.set(CURLOPT_SSL_VERIFYPEER, 1)
        try handle.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundlePath = settings.caBundlePath { try handle.set(CURLOPT_CAINFO, caBundlePath) }
        // libcurl silently sends a request again when a reused connection turns out closed and
        // nothing came back; the server may have acted on the first one. Writes that must not
        // happen twice therefore go over a connection of their own.
        if request.method == .post || request.method == .patch { try handle.set(CURLOPT_FRESH_CONNECT, 1) }
        try configureMethodAndBody(handle)
        try handle.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headerList))
        let context = Unmanaged.passUnretained(state).toOpaque()
        try check(
            shipshape_curl_setopt_write_function(handle.curl.easySetopt, handle.raw, TransferCallbacks.body), handle)
        try handle.set(CURLOPT_WRITEDATA, pointer: context)
        try check(
            shipshape_curl_setopt_header_function(handle.curl.easySetopt, handle.raw, TransferCallbacks.header), handle)
        try handle.set(CURLOPT_HEADERDATA, pointer: context)
        try check(
            shipshape_curl_setopt_xferinfo_function(handle.curl.easySetopt, handle.raw, TransferCallbacks.progress),
            handle)
        try handle.set(CURLOPT_XFERINFODATA, pointer: context)
        try handle.set(CURLOPT_NOPROGRESS, 0)
    }

    private func configureMethodAndBody(_ handle: EasyHandle) throws(EasyHandleError) {
        let method = request.method
        if method == .head {
            try handle.set(CURLOPT_NOBODY, 1)
        } else if request.body != nil || [.post, .put, .patch].contains(method) {
            let body = request.body ?? Data()
            try handle.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count))
            // COPYPOSTFIELDS copies the bytes, so the buffer only has to live through this call;
            // the trailing zero gives an empty body a valid address.
            var bytes = [UInt8](body)
            bytes.append(0)
            let code = bytes.withUnsafeMutableBytes {
                shipshape_curl_setopt_pointer(
                    handle.curl.easySetopt, handle.raw, CURLOPT_COPYPOSTFIELDS, $0.baseAddress)
            }
            try check(code, handle)
            if method != .post { try handle.set(CURLOPT_CUSTOMREQUEST, method.rawValue) }
        } else if method == .get {
            try handle.set(CURLOPT_HTTPGET, 1)
        } else {
            try handle.set(CURLOPT_CUSTOMREQUEST, method.rawValue)
        }
    }

    /// The request's headers as a curl_slist; a body without a Content-Type gets none (libcurl
    /// would otherwise claim it is a form).
    private func headerFields(_ curl: CurlFunctions) throws(EasyHandleError) -> UnsafeMutablePointer<curl_slist>? {
        var lines: [String] = []
        for field in request.headers {
            let forbidden = CharacterSet(charactersIn: "\r\n\0")
            guard field.name.rangeOfCharacter(from: forbidden.union(CharacterSet(charactersIn: ":"))) == nil,
                field.value.rangeOfCharacter(from: forbidden) == nil, !field.name.isEmpty
            else {
                throw EasyHandleError(message: "header \"\(field.name)\" has an empty name or a line break")
            }
            // "Name;" is libcurl's way to send a header with an empty value.
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        let sendsBody = request.body != nil || [.post, .put, .patch].contains(request.method)
        if sendsBody, request.headers["Content-Type"] == nil { lines.append("Content-Type:") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl.slistAppend(list, line) else {
                curl.slistFreeAll(list)
                throw EasyHandleError(message: "libcurl could not store the header list")
            }
            list = appended
        }
        return list
    }

    private func check(_ code: CURLcode, _ handle: EasyHandle) throws(EasyHandleError) {
        guard code == CURLE_OK else {
            throw EasyHandleError(message: "setting a libcurl callback failed: \(handle.curl.message(for: code))")
        }
    }
}
