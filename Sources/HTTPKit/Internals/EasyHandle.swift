internal import CCurl

/// Owns one libcurl easy handle. The handle's connection cache lives as long as the handle, so
/// reusing handles (after `reset`) reuses connections.
///
/// `@unchecked Sendable`: a handle is used by one transfer at a time; `EasyHandlePool` hands it
/// out exclusively and takes it back after the transfer.
final class EasyHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
    let curl: CurlFunctions

    init?(curl: CurlFunctions) {
        guard let raw = curl.easyInit() else { return nil }
        self.raw = raw
        self.curl = curl
    }

    deinit { curl.easyCleanup(raw) }

    /// Back to default options; keeps the connection cache, DNS cache and TLS sessions.
    func reset() { curl.easyReset(raw) }

    func set(_ option: CURLoption, _ value: Int) throws(EasyHandleError) {
        try check(shipshape_curl_setopt_long(curl.easySetopt, raw, option, value), option)
    }

    func set(_ option: CURLoption, _ value: String) throws(EasyHandleError) {
        try check(value.withCString { shipshape_curl_setopt_string(curl.easySetopt, raw, option, $0) }, option)
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(EasyHandleError) {
        try check(shipshape_curl_setopt_pointer(curl.easySetopt, raw, option, pointer), option)
    }

    func set(_ option: CURLoption, offset: Int64) throws(EasyHandleError) {
        try check(shipshape_curl_setopt_offset(curl.easySetopt, raw, option, curl_off_t(offset)), option)
    }

    func perform() -> CURLcode { curl.easyPerform(raw) }

    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return shipshape_curl_getinfo_long(curl.easyGetinfo, raw, info, &value) == CURLE_OK ? value : 0
    }

    func info(string info: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard shipshape_curl_getinfo_string(curl.easyGetinfo, raw, info, &value) == CURLE_OK, let value else {
            return nil
        }
        return String(cString: value)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(EasyHandleError) {
        guard code == CURLE_OK else {
            throw EasyHandleError(
                message: "setting libcurl option \(option.rawValue) failed: \(curl.message(for: code))")
        }
    }
}

/// A libcurl option could not be set; becomes `HTTPError.invalidRequest` for the request at hand.
struct EasyHandleError: Error {
    let message: String
}
