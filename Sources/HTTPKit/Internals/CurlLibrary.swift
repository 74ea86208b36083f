internal import CCurl

/// libcurl, opened and its global state set up once per process, before the first easy handle
/// (on the first request, not at start); never torn down (clients come and go, the process lives
/// as long as they do).
enum CurlLibrary {
    static let loaded: Result<CurlFunctions, CurlUnavailable> = Result { () throws(CurlUnavailable) in
        let functions = try CurlFunctions()
        let code = functions.globalInit(Int(CURL_GLOBAL_ALL))
        guard code == CURLE_OK else { throw CurlUnavailable(message: functions.message(for: code)) }
        return functions
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 for any positive duration (libcurl reads 0 as "no limit").
    var curlMilliseconds: Int {
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        return self > .zero ? max(1, Int(milliseconds)) : 0
    }
}
