internal import CCurl

/// libcurl's global state is set up once per process, before the first easy handle; it is never
/// torn down (clients come and go, the process lives as long as they do).
enum CurlLibrary {
    private static let initialisation: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    /// Nil when libcurl is ready, otherwise its message.
    static var initialisationFailure: String? {
        initialisation == CURLE_OK ? nil : String(cString: curl_easy_strerror(initialisation))
    }

    static func message(for code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 for any positive duration (libcurl reads 0 as "no limit").
    var curlMilliseconds: Int {
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        return self > .zero ? max(1, Int(milliseconds)) : 0
    }
}
